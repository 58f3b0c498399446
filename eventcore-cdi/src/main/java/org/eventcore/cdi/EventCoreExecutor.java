package org.eventcore.cdi;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.util.concurrent.Executor} bean that runs durable projections and
 * {@link CommandBus#executeAsync asynchronous commands}. In a Jakarta EE server you need not produce
 * one: the server's default managed executor ({@code java:comp/DefaultManagedExecutorService}) is
 * used. In Java SE produce one ({@code @Produces @EventCoreExecutor Executor}); EventCore never starts
 * threads of its own.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface EventCoreExecutor {}
