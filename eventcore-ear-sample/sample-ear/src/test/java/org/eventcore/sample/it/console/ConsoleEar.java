package org.eventcore.sample.it.console;

import org.eventcore.sample.it.Api;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The sample's EAR with the console's test fixtures in its WAR. */
public final class ConsoleEar {

    private ConsoleEar() {}

    public static EnterpriseArchive ear() {
        EnterpriseArchive ear = Api.ear();
        WebArchive war = ear.getAsType(WebArchive.class, "eventcore-sample-web.war");
        war.addClasses(Hostile.class, HostileEvents.class, HostileProjection.class, SlowTally.class);
        return ear;
    }

    /** The console's page, for a browser or a client, beside the sample's API. */
    public static String page() {
        return Api.base().replaceFirst("api/$", "eventcore-console/");
    }

    /** The console's API. */
    public static String api() {
        return page() + "api/eventcore/";
    }
}
