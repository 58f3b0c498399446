package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Events and read models live in PostgreSQL: they survive undeploying and deploying the EAR again. */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedeployIT {

    private static final String SAMPLE = "sample";

    @Deployment(name = SAMPLE, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void the_data_survives_a_redeploy_and_the_projections_resume_from_their_checkpoints() {
        String id = "alice-r" + System.nanoTime();
        Api dave = Api.as("alice");
        deployer.deploy(SAMPLE);
        try {
            assertThat(dave.post("accounts", "{\"id\":\"" + id + "\"}").status())
                    .isEqualTo(201);
            Reply deposit = dave.post("accounts/" + id + "/deposits", "{\"cents\":4200}");
            assertThat(deposit.status()).isEqualTo(200);
            assertThat(dave.get("accounts/" + id + "?after=" + deposit.position())
                            .status())
                    .isEqualTo(200);
        } finally {
            deployer.undeploy(SAMPLE);
        }
        assertThat(dave.get("accounts/" + id).status()).as("undeployed").isEqualTo(404);

        deployer.deploy(SAMPLE);
        try {
            Reply balance = dave.get("accounts/" + id);
            assertThat(balance.status()).as(balance.body()).isEqualTo(200);
            assertThat(((Number) balance.json().get("cents")).longValue()).isEqualTo(4200);
            Reply more = dave.post("accounts/" + id + "/deposits", "{\"cents\":800}");
            assertThat(more.status())
                    .as("the stream goes on at version 3: %s", more.body())
                    .isEqualTo(200);
            assertThat(more.body()).contains("\"version\":3");
            Reply after = dave.get("accounts/" + id + "?after=" + more.position());
            assertThat(((Number) after.json().get("cents")).longValue()).isEqualTo(5000);
        } finally {
            deployer.undeploy(SAMPLE);
        }
    }
}
