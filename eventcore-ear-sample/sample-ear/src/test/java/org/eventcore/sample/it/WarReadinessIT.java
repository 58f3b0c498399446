package org.eventcore.sample.it;

import java.io.File;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.eventcore.sample.it.health.InMemoryStores;
import org.eventcore.sample.it.health.Tallied;
import org.eventcore.sample.it.health.TallyProjection;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * EventCore's readiness check on WildFly with MicroProfile Health (standalone-observed.xml), in a WAR:
 * EventCore's CDI layer, the in-memory store and one durable projection. WildFly registers the checks of
 * a WAR deployment (not those of an EAR's WAR: WFLY-12835, see {@link SampleReadinessIT}).
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WarReadinessIT {

    /** The jar (or, in an IDE, the classes folder) that holds {@code type}, as a library of the WAR. */
    private static JavaArchive library(Class<?> type) {
        try {
            File location = new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
            String name = type.getPackageName().replace('.', '-') + ".jar";
            return location.isDirectory()
                    ? ShrinkWrap.create(ExplodedImporter.class, name)
                            .importDirectory(location)
                            .as(JavaArchive.class)
                    : ShrinkWrap.createFromZipFile(JavaArchive.class, location);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deployment(testable = false)
    static WebArchive war() {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "eventcore-health.war")
                .addClasses(InMemoryStores.class, TallyProjection.class, Tallied.class)
                .addAsWebInfResource(
                        new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\""
                                + " bean-discovery-mode=\"annotated\"/>"),
                        "beans.xml");
        for (Class<?> inLibrary : List.of(
                org.eventcore.Command.class, // eventcore-api
                org.eventcore.inmemory.InMemoryEventStore.class,
                org.eventcore.projection.ProjectionRunner.class,
                org.eventcore.cdi.CommandBus.class,
                org.eventcore.opentelemetry.EventCoreTelemetry.class)) {
            war.addAsLibrary(library(inLibrary));
        }
        return war;
    }

    @Test
    void the_readiness_endpoint_shows_eventcore_s_check_with_the_store_and_the_projection() throws Exception {
        Map<String, Object> data = ReadinessEndpoint.eventCoreCheck();
        ReadinessEndpoint.assertProjectionUp(data, "tally");
    }
}
