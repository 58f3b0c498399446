package org.eventcore.sample.it;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample EAR on Payara: the server's readiness endpoint lists EventCore's check, with the store and
 * every durable projection up. Run on Payara only: WildFly (39) registers no MicroProfile Health check
 * of an EAR's WAR (WFLY-12835; neither EventCore's nor one in the WAR's own classes), so there the
 * check is shown by {@link WarReadinessIT} on a WAR deployment.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleReadinessIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    @Test
    void the_readiness_endpoint_shows_the_store_and_every_durable_projection() throws Exception {
        Map<String, Object> data = ReadinessEndpoint.eventCoreCheck();
        for (String projection : List.of("balances", "statements", "inventory", "loyalty")) {
            ReadinessEndpoint.assertProjectionUp(data, projection);
        }
    }
}
