/**
 * The EventCore console: a page and REST resources to browse the global log and run the durable projections.
 *
 * <p>Add {@code eventcore-console} to one WAR's {@code WEB-INF/lib} (never an EAR's {@code lib/}), map the roles
 * {@link org.eventcore.console.ConsoleRoles#VIEWER} and {@link org.eventcore.console.ConsoleRoles#OPERATOR} to your
 * users, and open {@code /<context-root>/eventcore-console/}. The jar brings its own JAX-RS application
 * ({@link org.eventcore.console.ConsoleApplication}, under {@code eventcore-console/api}), its URL constraints and
 * its security headers ({@code META-INF/web-fragment.xml}); the application brings the log-in. See the manual's
 * page "The console".
 */
package org.eventcore.console;
