/** The console's resources, views and filters; not an API. */
package org.eventcore.console.internal;
