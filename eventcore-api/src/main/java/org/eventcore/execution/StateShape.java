package org.eventcore.execution;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a state type is immutable by its declaration, and the check of the collections in a state
 * value that the declaration cannot vouch for. Built once per cached command type.
 *
 * <p>Immutable by declaration: primitives and their boxes, {@code String}, enums, the JDK's value
 * types listed in {@link #VALUES}, EventCore's identifiers, records and final classes whose fields are
 * final and of immutable types, sealed types whose permitted subtypes are, {@code Optional} of an
 * immutable type, and {@code List}, {@code Set}, {@code Collection} and {@code Map} of immutable
 * types: those are checked per value ({@link #check}), to be the JDK's unmodifiable collections.
 */
final class StateShape {

    private static final Set<String> VALUES = Set.of(
            "java.lang.String",
            "java.lang.Boolean",
            "java.lang.Character",
            "java.lang.Byte",
            "java.lang.Short",
            "java.lang.Integer",
            "java.lang.Long",
            "java.lang.Float",
            "java.lang.Double",
            "java.math.BigDecimal",
            "java.math.BigInteger",
            "java.util.UUID",
            "java.util.Currency",
            "java.util.Locale",
            "java.net.URI",
            "java.time.Instant",
            "java.time.LocalDate",
            "java.time.LocalTime",
            "java.time.LocalDateTime",
            "java.time.OffsetDateTime",
            "java.time.OffsetTime",
            "java.time.ZonedDateTime",
            "java.time.Duration",
            "java.time.Period",
            "java.time.Year",
            "java.time.YearMonth",
            "java.time.MonthDay",
            "java.time.ZoneId",
            "java.time.ZoneOffset",
            "org.eventcore.StreamId",
            "org.eventcore.StreamVersion",
            "org.eventcore.GlobalPosition",
            "org.eventcore.EventId",
            "org.eventcore.CommandId");

    /** The classes of the JDK's unmodifiable collections start with these names. */
    private static final List<String> UNMODIFIABLE = List.of(
            "java.util.ImmutableCollections$",
            "java.util.Collections$Unmodifiable",
            "java.util.Collections$Empty",
            "java.util.Collections$Singleton");

    /** Checks a value of one declared type at run time; {@link #NONE} when the declaration suffices. */
    @FunctionalInterface
    private interface Check {
        /** The path of a mutable part of {@code value} (below {@code path}), or null. */
        String mutablePart(Object value, String path);
    }

    private static final Check NONE = (value, path) -> null;

    private final Check check;

    private StateShape(Check check) {
        this.check = check;
    }

    /**
     * The shape of {@code stateType}, or the description of its first mutable part.
     *
     * @return the shape, or empty with {@code problem[0]} set
     */
    static Optional<StateShape> of(Type stateType, String[] problem) {
        Builder builder = new Builder();
        Check check = builder.check(stateType, "state " + stateType.getTypeName());
        if (builder.problem != null) {
            problem[0] = builder.problem;
            return Optional.empty();
        }
        return Optional.of(new StateShape(check));
    }

    /** Whether any value needs the run-time check: false when the declaration vouches for all. */
    boolean checksValues() {
        return check != NONE;
    }

    /** The path of a mutable collection in {@code state}, or null when it has none. */
    String mutablePart(Object state) {
        return check.mutablePart(state, "the state");
    }

    private static boolean unmodifiable(Class<?> type) {
        String name = type.getName();
        for (String prefix : UNMODIFIABLE) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Works through the declared types; records the first problem. */
    private static final class Builder {
        private String problem;
        /** Checks of classes being built or built: recursive types refer to them through this map. */
        private final Map<Class<?>, Check[]> classes = new HashMap<>();

        Check check(Type type, String path) {
            if (problem != null) {
                return NONE;
            }
            if (type instanceof Class<?> c) {
                return classCheck(c, path);
            }
            if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
                Type[] args = p.getActualTypeArguments();
                if (raw == Optional.class) {
                    Check inner = check(args[0], path + " (in an Optional)");
                    return inner == NONE
                            ? NONE
                            : (value, at) -> ((Optional<?>) value)
                                    .map(v -> inner.mutablePart(v, at))
                                    .orElse(null);
                }
                if (raw == List.class || raw == Set.class || raw == Collection.class) {
                    Check element = check(args[0], path + "'s elements");
                    return collection(element);
                }
                if (raw == Map.class) {
                    Check key = check(args[0], path + "'s keys");
                    Check value = check(args[1], path + "'s values");
                    return map(key, value);
                }
                return classCheck(raw, path);
            }
            if (type instanceof WildcardType w && w.getLowerBounds().length == 0) {
                return check(w.getUpperBounds()[0], path);
            }
            if (type instanceof GenericArrayType) {
                problem = path + " is an array, which can always be changed";
                return NONE;
            }
            problem = path + " has the type " + type.getTypeName()
                    + ", whose class is not known where it is declared; use a concrete immutable type";
            return NONE;
        }

        private Check classCheck(Class<?> c, String path) {
            if (c.isPrimitive() || c.isEnum() || VALUES.contains(c.getName())) {
                return NONE;
            }
            if (c.isArray()) {
                problem = path + " is an array (" + c.getTypeName() + "), which can always be changed; use a List";
                return NONE;
            }
            if (c == List.class || c == Set.class || c == Collection.class || c == Map.class || c == Optional.class) {
                problem = path + " is a raw " + c.getSimpleName() + "; give its element types";
                return NONE;
            }
            Check[] known = classes.get(c);
            if (known != null) {
                // a recursive type: its check is being built, or was
                return (value, at) -> known[0].mutablePart(value, at);
            }
            Check[] slot = new Check[] {NONE};
            classes.put(c, slot);
            Check built;
            if (c.isRecord()) {
                built = recordCheck(c, path);
            } else if (c.isSealed()) {
                built = sealedCheck(c, path);
            } else if (Modifier.isFinal(c.getModifiers()) && !c.isInterface()) {
                built = finalClassCheck(c, path);
            } else {
                problem = path + " is of " + (c.isInterface() ? "interface " : "class ") + c.getName()
                        + ", which is neither a record, an enum, a sealed type nor a final class:"
                        + " its values may be mutable";
                built = NONE;
            }
            slot[0] = built;
            return built;
        }

        private Check recordCheck(Class<?> c, String path) {
            List<java.lang.reflect.Method> accessors = new ArrayList<>();
            List<Check> checks = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (RecordComponent rc : c.getRecordComponents()) {
                Check inner = check(rc.getGenericType(), path + "." + rc.getName());
                if (inner != NONE) {
                    try {
                        rc.getAccessor().setAccessible(true);
                    } catch (RuntimeException e) {
                        // a module that does not open the record: its public accessors still answer
                    }
                    accessors.add(rc.getAccessor());
                    checks.add(inner);
                    names.add(rc.getName());
                }
            }
            return fieldsCheck(accessors, checks, names);
        }

        private Check finalClassCheck(Class<?> c, String path) {
            List<java.lang.reflect.Method> accessors = List.of();
            for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    if (!Modifier.isFinal(f.getModifiers())) {
                        problem =
                                path + " is of class " + c.getName() + ", whose field " + f.getName() + " is not final";
                        return NONE;
                    }
                    Check inner = check(f.getGenericType(), path + "." + f.getName());
                    if (inner != NONE) {
                        problem = path + "." + f.getName() + " is a collection or Optional inside class " + c.getName()
                                + ", which is not a record: make the class a record";
                        return NONE;
                    }
                }
            }
            return fieldsCheck(accessors, List.of(), List.of());
        }

        private Check sealedCheck(Class<?> c, String path) {
            Map<Class<?>, Check> byClass = new HashMap<>();
            boolean any = false;
            for (Class<?> sub : c.getPermittedSubclasses()) {
                Check inner = check(sub, path + " (as " + sub.getSimpleName() + ")");
                byClass.put(sub, inner);
                any |= inner != NONE;
            }
            if (!any) {
                return NONE;
            }
            return (value, at) -> {
                for (Class<?> k = value.getClass(); k != null; k = k.getSuperclass()) {
                    Check inner = byClass.get(k);
                    if (inner != null) {
                        return inner.mutablePart(value, at);
                    }
                }
                for (Map.Entry<Class<?>, Check> e : byClass.entrySet()) {
                    if (e.getKey().isInstance(value)) {
                        return e.getValue().mutablePart(value, at);
                    }
                }
                return null;
            };
        }

        private static Check fieldsCheck(
                List<java.lang.reflect.Method> accessors, List<Check> checks, List<String> names) {
            if (checks.isEmpty()) {
                return NONE;
            }
            return (value, at) -> {
                for (int i = 0; i < checks.size(); i++) {
                    Object part;
                    try {
                        part = accessors.get(i).invoke(value);
                    } catch (ReflectiveOperationException e) {
                        return at + "." + names.get(i) + " (could not be read: " + e + ")";
                    }
                    if (part != null) {
                        String found = checks.get(i).mutablePart(part, at + "." + names.get(i));
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            };
        }

        private static Check collection(Check element) {
            return (value, at) -> {
                if (!unmodifiable(value.getClass())) {
                    return at + " (a " + value.getClass().getName() + ")";
                }
                if (element != NONE) {
                    for (Object e : (Collection<?>) value) {
                        String found = e == null ? null : element.mutablePart(e, at + "[...]");
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            };
        }

        private static Check map(Check key, Check valueCheck) {
            return (value, at) -> {
                if (!unmodifiable(value.getClass())) {
                    return at + " (a " + value.getClass().getName() + ")";
                }
                if (key != NONE || valueCheck != NONE) {
                    for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                        String found = e.getKey() == null || key == NONE ? null : key.mutablePart(e.getKey(), at);
                        if (found == null && e.getValue() != null && valueCheck != NONE) {
                            found = valueCheck.mutablePart(e.getValue(), at + "[...]");
                        }
                        if (found != null) {
                            return found;
                        }
                    }
                }
                return null;
            };
        }
    }
}
