package org.eventcore.execution;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.CommandDefinitionException;
import org.eventcore.StreamDeclarations;
import org.eventcore.StreamId;
import org.eventcore.messages.ApiMessages;

/**
 * What the executor knows about one command class: its stream declarations (found by naming
 * convention through the command's class loader, never by scanning) and its event type. Computed
 * once per class.
 */
final class CommandModel<C> {

    private static final ClassValue<CommandModel<?>> MODELS = new ClassValue<>() {
        @Override
        protected CommandModel<?> computeValue(Class<?> type) {
            return create(type);
        }
    };

    private final Class<C> commandType;
    private final StreamDeclarations<C> declarations;
    private final Class<?> eventType;
    private final CachePolicy cachePolicy;

    /**
     * How a {@link CachedState cached} command type's state is cached.
     *
     * @param foldRevision the fold's revision
     * @param stateRevision the state's stored form's revision
     * @param snapshotEvery events folded between snapshots, 0 for none
     * @param stateClass the state's class, to read snapshots into
     * @param shape the check of state values the declaration cannot vouch for
     */
    record CachePolicy(int foldRevision, int stateRevision, int snapshotEvery, Class<?> stateClass, StateShape shape) {}

    private CommandModel(
            Class<C> commandType, StreamDeclarations<C> declarations, Class<?> eventType, CachePolicy cachePolicy) {
        this.commandType = commandType;
        this.declarations = declarations;
        this.eventType = eventType;
        this.cachePolicy = cachePolicy;
    }

    /** How the command type's state is cached, or null if it is not {@link CachedState cached}. */
    public CachePolicy cachePolicy() {
        return cachePolicy;
    }

    /** The model of {@code commandType}. */
    @SuppressWarnings("unchecked")
    public static <C> CommandModel<C> of(Class<C> commandType) {
        return (CommandModel<C>) MODELS.get(commandType);
    }

    /** The name of the declarations class of {@code commandType}: {@code pkg.Outer_InnerStreams}. */
    public static String declarationsClassName(Class<?> commandType) {
        String pkg = commandType.getPackageName();
        String binary = commandType.getName();
        String local = pkg.isEmpty() ? binary : binary.substring(pkg.length() + 1);
        return (pkg.isEmpty() ? "" : pkg + ".") + StreamDeclarations.simpleNameFor(local.replace('$', '.'));
    }

    public Class<C> commandType() {
        return commandType;
    }

    /** The command's event type (its {@code E}), or {@code Object} if it cannot be determined. */
    public Class<?> eventType() {
        return eventType;
    }

    /** The declared tag queries of {@code command} ({@code @Consistency}), often none. */
    public List<org.eventcore.TagQuery> queries(C command) {
        List<org.eventcore.TagQuery> queries = declarations.queries(command);
        return queries == null ? List.of() : queries;
    }

    /** The declared streams of {@code command}, checked to be at least one unless it has tag queries. */
    public List<StreamId> declaredStreams(C command) {
        List<StreamId> streams = declarations.streams(command);
        if ((streams == null || streams.isEmpty()) && queries(command).isEmpty()) {
            throw new CommandDefinitionException(ApiMessages.noDeclaredStream(commandType.getName()));
        }
        return streams == null ? List.of() : streams;
    }

    private static <C> CommandModel<C> create(Class<C> type) {
        if (!Command.class.isAssignableFrom(type)) {
            throw new CommandDefinitionException(ApiMessages.notACommand(type.getName()));
        }
        if (type.isLocalClass() || type.isAnonymousClass()) {
            throw new CommandDefinitionException(ApiMessages.commandDeclaredInMethod(type.getName()));
        }
        return new CommandModel<>(type, findDeclarations(type), eventTypeOf(type), cachePolicyOf(type));
    }

    /** The cache policy of a {@link CachedState} type, its state's shape checked; null without the annotation. */
    private static CachePolicy cachePolicyOf(Class<?> type) {
        CachedState cached = type.getAnnotation(CachedState.class);
        if (cached == null) {
            return null;
        }
        if (cached.foldRevision() < 1 || cached.stateRevision() < 1 || cached.snapshotEvery() < 0) {
            throw new CommandDefinitionException(ApiMessages.invalidCachedState(
                    type.getName(), cached.foldRevision(), cached.stateRevision(), cached.snapshotEvery()));
        }
        Type state = commandTypeArgument(type, Map.of(), 1);
        if (state == null) {
            throw new CommandDefinitionException(ApiMessages.mutableCachedState(
                    type.getName(), "its state type cannot be told from its declaration"));
        }
        String[] problem = new String[1];
        StateShape shape = StateShape.of(state, problem)
                .orElseThrow(() ->
                        new CommandDefinitionException(ApiMessages.mutableCachedState(type.getName(), problem[0])));
        return new CachePolicy(
                cached.foldRevision(), cached.stateRevision(), cached.snapshotEvery(), rawClassOf(state), shape);
    }

    private static <C> StreamDeclarations<C> findDeclarations(Class<C> type) {
        String name = declarationsClassName(type);
        Class<?> found;
        try {
            found = Class.forName(name, true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new CommandDefinitionException(
                    ApiMessages.streamDeclarationsNotFound(type.getName(), name, type.getSimpleName()), e);
        }
        if (!StreamDeclarations.class.isAssignableFrom(found)) {
            throw new CommandDefinitionException(ApiMessages.invalidStreamDeclarations(name
                    + " is meant to declare the streams of command " + type.getName()
                    + " but does not extend org.eventcore.StreamDeclarations"));
        }
        StreamDeclarations<?> instance;
        try {
            Constructor<?> constructor = found.getConstructor();
            if (!Modifier.isPublic(found.getModifiers())) {
                throw new NoSuchMethodException("class is not public");
            }
            instance = (StreamDeclarations<?>) constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new CommandDefinitionException(
                    ApiMessages.invalidStreamDeclarations("Cannot create the stream declarations " + name
                            + " of command " + type.getName()
                            + ": it needs to be a public class with a public no-argument constructor"),
                    e);
        } catch (InvocationTargetException e) {
            throw new CommandDefinitionException(
                    ApiMessages.invalidStreamDeclarations("The constructor of stream declarations " + name + " failed"),
                    e.getCause());
        }
        if (instance.commandType() != type) {
            throw new CommandDefinitionException(ApiMessages.invalidStreamDeclarations(name
                    + " declares the streams of " + instance.commandType().getName() + ", not of "
                    + type.getName()));
        }
        @SuppressWarnings("unchecked")
        StreamDeclarations<C> typed = (StreamDeclarations<C>) instance;
        return typed;
    }

    private static Class<?> eventTypeOf(Class<?> type) {
        Type e = commandTypeArgument(type, Map.of(), 2);
        return e == null ? Object.class : rawClassOf(e);
    }

    /**
     * The argument {@code index} of {@code Command} ({@code C}, {@code S}, {@code E}) among the generic
     * supertypes of {@code type}, also through intermediate interfaces or base classes, with their type
     * variables bound on the way.
     */
    private static Type commandTypeArgument(Type type, Map<TypeVariable<?>, Type> bindings, int index) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> bound = bindings;
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            raw = c;
            bound = new HashMap<>(bindings);
            TypeVariable<?>[] parameters = c.getTypeParameters();
            Type[] arguments = p.getActualTypeArguments();
            for (int i = 0; i < parameters.length; i++) {
                Type argument = arguments[i];
                bound.put(
                        parameters[i], argument instanceof TypeVariable<?> v ? bindings.getOrDefault(v, v) : argument);
            }
            if (c == Command.class) {
                return bound.get(parameters[index]);
            }
        } else if (type instanceof Class<?> c && c != Command.class) {
            raw = c;
        } else {
            return null;
        }
        List<Type> supertypes = new ArrayList<>(List.of(raw.getGenericInterfaces()));
        if (raw.getGenericSuperclass() != null) {
            supertypes.add(raw.getGenericSuperclass());
        }
        for (Type supertype : supertypes) {
            Type e = commandTypeArgument(supertype, bound, index);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static Class<?> rawClassOf(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            return raw;
        }
        if (type instanceof TypeVariable<?> v && v.getBounds().length > 0) {
            return rawClassOf(v.getBounds()[0]);
        }
        return Object.class;
    }
}
