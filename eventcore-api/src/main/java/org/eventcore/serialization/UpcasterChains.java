package org.eventcore.serialization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eventcore.messages.ApiMessages;

/** Checks the upcasters of a registry when it is built: each problem named, all of them at once. */
final class UpcasterChains {

    /** A stored type name and revision: where a step starts or ends. */
    record Step(String type, int revision) {
        @Override
        public String toString() {
            return type + " revision " + revision;
        }
    }

    private UpcasterChains() {}

    /**
     * The steps by the (type, revision) they read.
     *
     * @throws IllegalArgumentException naming every problem found
     */
    static Map<Step, EventUpcaster<?>> check(
            List<EventUpcaster<?>> upcasters, Map<String, EventTypeRegistry.Entry> classes) {
        List<String> problems = new ArrayList<>();
        Map<Step, EventUpcaster<?>> steps = new HashMap<>();
        for (EventUpcaster<?> u : upcasters) {
            String problem = shapeProblem(u);
            if (problem != null) {
                problems.add(problem);
                continue;
            }
            Step from = new Step(u.type(), u.revision());
            EventUpcaster<?> earlier = steps.putIfAbsent(from, u);
            if (earlier != null) {
                problems.add(
                        "two upcasters read " + from + ": " + describe(earlier) + " and " + describe(u) + "; keep one");
            }
        }
        Map<String, TreeSet<Integer>> upFrom = new TreeMap<>();
        Map<String, TreeSet<Integer>> arrivals = new TreeMap<>();
        for (EventUpcaster<?> u : steps.values()) {
            boolean readAhead = u.targetRevision() < u.revision();
            EventTypeRegistry.Entry own = classes.get(u.type());
            if (readAhead) {
                EventTypeRegistry.Entry target = classes.get(u.targetType());
                if (target == null || target.revision() != u.targetRevision()) {
                    problems.add("read-ahead step " + describe(u) + " must end at the revision of a registered class"
                            + (target == null
                                    ? ", but no class is registered as " + u.targetType()
                                    : ", but class " + target.type().getName() + " of " + u.targetType()
                                            + " is at revision " + target.revision())
                            + ": a read-ahead step reads the revision after its class's");
                } else if (!u.type().equals(u.targetType()) && classes.containsKey(u.type())) {
                    problems.add("read-ahead step " + describe(u) + " reads " + u.type() + ", the name of class "
                            + classes.get(u.type()).type().getName()
                            + ": a read-ahead rename reads a name this release has no class for");
                }
                continue;
            }
            upFrom.computeIfAbsent(u.type(), k -> new TreeSet<>()).add(u.revision());
            if (!u.targetType().equals(u.type())) {
                arrivals.computeIfAbsent(u.targetType(), k -> new TreeSet<>()).add(u.targetRevision());
            }
            if (own != null && u.revision() >= own.revision()) {
                problems.add("upcaster " + describe(u) + " reads revision " + u.revision() + " of " + u.type()
                        + ", but its class " + own.type().getName() + " is at revision " + own.revision()
                        + ": raise the class's @EventType revision to " + u.targetRevision()
                        + " if it has the new form, or correct the upcaster's revision");
            }
            Step to = new Step(u.targetType(), u.targetRevision());
            if (steps.containsKey(to)) {
                continue;
            }
            EventTypeRegistry.Entry target = classes.get(to.type());
            if (target == null) {
                problems.add("upcaster " + describe(u) + " ends at " + to
                        + ", which no registered class has and no upcaster reads: register the class of "
                        + to.type() + " or add the next step");
            } else if (to.revision() < target.revision()) {
                problems.add("gap in the chain of " + to.type() + ": upcaster " + describe(u) + " ends at " + to
                        + ", but no upcaster reads it and class "
                        + target.type().getName() + " is at revision "
                        + target.revision() + ": add an upcaster from " + to + " (or EventUpcaster.compatible(\""
                        + to.type() + "\", " + to.revision() + ") if the next revision only added optional fields)");
            } else if (to.revision() > target.revision()) {
                problems.add("upcaster " + describe(u) + " ends at " + to + ", a revision no class has: class "
                        + target.type().getName() + " is at revision " + target.revision()
                        + "; raise the class's @EventType revision to " + to.revision()
                        + " if it has the new form");
            }
        }
        for (var e : upFrom.entrySet()) {
            int lowest = e.getValue().first();
            TreeSet<Integer> arrived = arrivals.getOrDefault(e.getKey(), new TreeSet<>());
            boolean ownHistory = arrived.isEmpty() || lowest < arrived.first();
            if (lowest > 1 && ownHistory) {
                problems.add("gap in the chain of " + e.getKey() + ": upcasters read revision " + lowest
                        + " but none reads revision" + (lowest > 2 ? "s 1 to " + (lowest - 1) : " 1")
                        + ", so events stored in " + (lowest > 2 ? "them" : "it")
                        + " could not be read: add upcasters from " + (lowest > 2 ? "them" : "it")
                        + " (or EventUpcaster.compatible(\"" + e.getKey() + "\", n) for each revision n whose"
                        + " next revision only added optional fields)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(ApiMessages.invalidUpcasters(problems));
        }
        return steps;
    }

    private static String shapeProblem(EventUpcaster<?> u) {
        String type = u.type();
        String targetType = u.targetType();
        if (type == null || !EventTypeRegistry.NAME.matcher(type).matches()) {
            return "upcaster " + u.getClass().getName() + " reads the invalid type name \"" + type
                    + "\": use 1 to 200 letters, digits, '.', '_', '-' or ':'";
        }
        if (targetType == null || !EventTypeRegistry.NAME.matcher(targetType).matches()) {
            return "upcaster " + describe(u) + " produces the invalid type name \"" + targetType
                    + "\": use 1 to 200 letters, digits, '.', '_', '-' or ':'";
        }
        if (u.revision() < 1) {
            return "upcaster " + describe(u) + " reads revision " + u.revision() + "; revisions start at 1";
        }
        if (u.targetRevision() != u.revision() + 1 && u.targetRevision() != u.revision() - 1) {
            return "upcaster " + describe(u) + " goes from revision " + u.revision() + " to "
                    + u.targetRevision() + "; a step goes to the next revision (or, reading ahead, to the one"
                    + " before)";
        }
        if (u.form() == null) {
            return "upcaster " + describe(u) + " names no payload form (form() returned null)";
        }
        return null;
    }

    /** An upcaster as errors name it: its class (or what it says of itself) and its step. */
    static String describe(EventUpcaster<?> u) {
        return EventUpcaster.describe(u);
    }

    static String describeStep(EventUpcaster<?> u) {
        String name = name(u);
        return name + " (" + u.type() + " " + u.revision() + " -> " + u.targetType() + " " + u.targetRevision() + ")";
    }

    /** What an upcaster says of itself, or else its class's name. */
    static String name(Object u) {
        // a record's toString lists its fields, which the step's description shows anyway
        return !u.getClass().isRecord() && describesItself(u)
                ? u.toString()
                : u.getClass().getName();
    }

    private static boolean describesItself(Object u) {
        try {
            return u.getClass().getMethod("toString").getDeclaringClass() != Object.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
