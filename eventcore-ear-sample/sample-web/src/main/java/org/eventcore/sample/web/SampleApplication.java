package org.eventcore.sample.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eventcore.sample.Limits;

/** The REST API under {@code /api}, for authenticated users only (see web.xml and {@link SampleIdentityStore}). */
@ApplicationPath("api")
@DeclareRoles({Limits.CUSTOMER, Limits.CLERK})
public class SampleApplication extends Application {}
