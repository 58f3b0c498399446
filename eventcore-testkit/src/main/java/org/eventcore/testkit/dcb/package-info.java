/**
 * The scenarios of the Dynamic Consistency Boundary specification (dcb.events) as EventCore commands with
 * {@link org.eventcore.Consistency tag queries}, and an oracle that races them: course subscriptions (a
 * course's capacity and a student's limit of courses), a unique username released when its account is
 * deleted, gapless invoice numbers, an opt-in token used once, and a course's capacity changed through a
 * state read by its tag alone. Store adapters run {@link org.eventcore.testkit.dcb.TagScenariosContract} and
 * {@link org.eventcore.testkit.dcb.TagOracle} against their store; the manual's page "Consistency by tags"
 * walks through the same commands.
 */
package org.eventcore.testkit.dcb;
