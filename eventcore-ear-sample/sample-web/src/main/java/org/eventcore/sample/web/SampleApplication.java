package org.eventcore.sample.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}, for authenticated customers only (see web.xml and {@link SampleIdentityStore}). */
@ApplicationPath("api")
@DeclareRoles(SampleIdentityStore.CUSTOMER)
public class SampleApplication extends Application {}
