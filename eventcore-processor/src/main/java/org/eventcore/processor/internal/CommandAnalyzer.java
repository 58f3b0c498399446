package org.eventcore.processor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import org.eventcore.StreamDeclarations;
import org.eventcore.processor.messages.ProcessorMessages;

/**
 * Checks one type that is a command or has {@code @Stream} members, and describes its declarations.
 * Every problem is reported as a compile error on the offending element, with the fix in the
 * message.
 */
public final class CommandAnalyzer {

    /** Names of the methods of {@code StreamDeclarations} a member accessor must not clash with. */
    private static final Set<String> RESERVED = Set.of(
            "streams",
            "commandType",
            "getClass",
            "hashCode",
            "toString",
            "equals",
            "notify",
            "notifyAll",
            "wait",
            "clone",
            "finalize");

    private final Elements elements;
    private final Types types;
    private final Messager messager;
    private final TypeElement streamAnnotation;
    private final TypeElement consistencyAnnotation;
    private final TypeMirror tagQuery;
    private final TypeElement command;
    private final TypeMirror streamId;
    private final TypeMirror collection;

    public CommandAnalyzer(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
        this.streamAnnotation = elements.getTypeElement("org.eventcore.Stream");
        this.consistencyAnnotation = elements.getTypeElement("org.eventcore.Consistency");
        TypeElement query = elements.getTypeElement("org.eventcore.TagQuery");
        this.tagQuery = query == null ? null : query.asType();
        this.command = elements.getTypeElement("org.eventcore.Command");
        TypeElement id = elements.getTypeElement("org.eventcore.StreamId");
        this.streamId = id == null ? null : id.asType();
        this.collection =
                types.erasure(elements.getTypeElement("java.util.Collection").asType());
    }

    /** Whether EventCore's api is on the compile class path at all. */
    public boolean apiPresent() {
        return streamAnnotation != null && command != null && streamId != null;
    }

    /** Whether {@code type} is a concrete class or record that implements {@code Command}. */
    public boolean isConcreteCommand(TypeElement type) {
        return (type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD)
                && !type.getModifiers().contains(Modifier.ABSTRACT)
                && implementsCommand(type);
    }

    private boolean implementsCommand(TypeElement type) {
        return types.isAssignable(types.erasure(type.asType()), types.erasure(command.asType()));
    }

    /** Whether {@code element} carries {@code @Consistency} (false with an api that has none). */
    public boolean hasConsistency(Element element) {
        return consistencyAnnotation != null
                && element.getAnnotationMirrors().stream()
                        .anyMatch(a -> a.getAnnotationType().asElement().equals(consistencyAnnotation));
    }

    /**
     * The {@code @Consistency} members in declaration order: record components of records (their
     * accessors carry the annotation too and are skipped), fields and methods of classes and records.
     */
    private List<Element> consistencyMembers(TypeElement type) {
        List<Element> result = new ArrayList<>();
        java.util.Set<String> components = new java.util.HashSet<>();
        if (type.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement c : type.getRecordComponents()) {
                components.add(c.getSimpleName().toString());
                if (hasConsistency(c)) {
                    result.add(c);
                }
            }
        }
        for (Element e : type.getEnclosedElements()) {
            boolean accessor = e.getKind() == ElementKind.METHOD
                    && components.contains(e.getSimpleName().toString())
                    && ((ExecutableElement) e).getParameters().isEmpty();
            boolean componentField = e.getKind() == ElementKind.FIELD
                    && components.contains(e.getSimpleName().toString());
            if ((e.getKind() == ElementKind.METHOD || e.getKind() == ElementKind.FIELD)
                    && !accessor
                    && !componentField
                    && hasConsistency(e)) {
                result.add(e);
            }
        }
        return result;
    }

    /** The {@code @Consistency} member as the generated code reads it, or empty after an error. */
    private Optional<StreamMember> query(TypeElement type, Element member) {
        String name = member.getSimpleName().toString();
        if (member.getModifiers().contains(Modifier.STATIC)) {
            error(member, ProcessorMessages.consistencyMemberInvalid(name, simpleName(type), "is static"));
            return Optional.empty();
        }
        if (member instanceof ExecutableElement m) {
            if (!m.getParameters().isEmpty() || !m.getTypeParameters().isEmpty()) {
                error(member, ProcessorMessages.consistencyMemberInvalid(name, simpleName(type), "takes parameters"));
                return Optional.empty();
            }
            if (!types.isSameType(m.getReturnType(), tagQuery)) {
                error(
                        member,
                        ProcessorMessages.consistencyMemberInvalid(
                                name, simpleName(type), "returns " + m.getReturnType()));
                return Optional.empty();
            }
            if (m.getModifiers().contains(Modifier.PRIVATE)) {
                error(member, ProcessorMessages.consistencyMemberInvalid(name, simpleName(type), "is private"));
                return Optional.empty();
            }
            return Optional.of(new StreamMember(name + "()", "command." + name + "()", false));
        }
        if (!types.isSameType(member.asType(), tagQuery)) {
            error(
                    member,
                    ProcessorMessages.consistencyMemberInvalid(
                            name, simpleName(type), "is of type " + member.asType()));
            return Optional.empty();
        }
        Optional<String> access = access(type, member, name);
        if (access.isEmpty()) {
            error(
                    member,
                    ProcessorMessages.consistencyMemberInvalid(
                            name, simpleName(type), "is private and has no accessor"));
            return Optional.empty();
        }
        return Optional.of(new StreamMember(name, access.get(), false));
    }

    /** Whether {@code element} carries {@code @Stream}. */
    public boolean hasStream(Element element) {
        return element.getAnnotationMirrors().stream()
                .anyMatch(a -> a.getAnnotationType().asElement().equals(streamAnnotation));
    }

    /** The declaration of {@code type}, or empty if an error was reported. */
    public Optional<CommandDeclaration> analyze(TypeElement type) {
        List<Element> annotated = annotatedMembers(type);
        List<Element> consistency = consistencyMembers(type);
        boolean isCommand = implementsCommand(type);
        if (!isCommand) {
            error(
                    type,
                    annotated.isEmpty()
                            ? ProcessorMessages.consistencyOutsideCommand(simpleName(type))
                            : ProcessorMessages.streamMembersOutsideCommand(simpleName(type)));
            return Optional.empty();
        }
        if (type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT)) {
            error(type, ProcessorMessages.streamMembersOnAbstractType(simpleName(type)));
            return Optional.empty();
        }
        boolean ok = checkNesting(type) & checkGenerics(type) & checkSelfType(type);
        if (annotated.isEmpty() && consistency.isEmpty()) {
            error(type, ProcessorMessages.noStreamDeclared(simpleName(type)));
            return Optional.empty();
        }
        List<StreamMember> queries = new ArrayList<>();
        for (Element member : consistency) {
            Optional<StreamMember> q = query(type, member);
            ok &= q.isPresent();
            q.ifPresent(queries::add);
        }
        List<StreamMember> members = new ArrayList<>();
        for (Element member : annotated) {
            Optional<StreamMember> m = member(type, member);
            ok &= m.isPresent();
            m.ifPresent(members::add);
        }
        if (!ok) {
            return Optional.empty();
        }
        String pkg = elements.getPackageOf(type).getQualifiedName().toString();
        String relative = relativeName(type);
        boolean cdi = elements.getTypeElement("jakarta.enterprise.context.Dependent") != null;
        return Optional.of(new CommandDeclaration(
                pkg, relative, StreamDeclarations.simpleNameFor(relative), members, queries, cdi));
    }

    /**
     * The members of {@code type} that hold stream ids (a {@code StreamId} or a collection of them),
     * by name, each with whether it is declared with {@code @Stream}: record components of records,
     * instance fields of classes.
     */
    public java.util.Map<String, Boolean> streamIdMembers(TypeElement type) {
        java.util.Map<String, Boolean> members = new java.util.LinkedHashMap<>();
        List<? extends Element> candidates = type.getKind() == ElementKind.RECORD
                ? type.getRecordComponents()
                : ElementFilter.fieldsIn(type.getEnclosedElements());
        for (Element member : candidates) {
            if (!member.getModifiers().contains(Modifier.STATIC) && streamShape(member.asType()) != null) {
                members.put(member.getSimpleName().toString(), hasStream(member));
            }
        }
        return members;
    }

    /** The @Stream members in declaration order: record components of records, fields of classes. */
    private List<Element> annotatedMembers(TypeElement type) {
        List<Element> result = new ArrayList<>();
        if (type.getKind() == ElementKind.RECORD) {
            for (RecordComponentElement c : type.getRecordComponents()) {
                if (hasStream(c)) {
                    result.add(c);
                }
            }
        } else {
            for (VariableElement f : ElementFilter.fieldsIn(type.getEnclosedElements())) {
                if (hasStream(f)) {
                    result.add(f);
                }
            }
        }
        return result;
    }

    private Optional<StreamMember> member(TypeElement type, Element member) {
        String name = member.getSimpleName().toString();
        TypeMirror memberType = member.asType();
        Boolean isCollection = streamShape(memberType);
        if (isCollection == null) {
            error(member, ProcessorMessages.streamMemberNotStreamId(name, simpleName(type), memberType.toString()));
            return Optional.empty();
        }
        if (member.getModifiers().contains(Modifier.STATIC)) {
            error(member, ProcessorMessages.streamFieldStatic(name, simpleName(type)));
            return Optional.empty();
        }
        if (RESERVED.contains(name)) {
            error(member, ProcessorMessages.streamMemberClashes(name, simpleName(type)));
            return Optional.empty();
        }
        Optional<String> access = access(type, member, name);
        if (access.isEmpty()) {
            error(
                    member,
                    ProcessorMessages.streamFieldUnreadable(
                            name, simpleName(type), StreamDeclarations.simpleNameFor(relativeName(type))));
            return Optional.empty();
        }
        return Optional.of(new StreamMember(name, access.get(), isCollection));
    }

    /** TRUE for a collection of stream ids, FALSE for one stream id, null for anything else. */
    private Boolean streamShape(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        if (types.isSameType(type, streamId)) {
            return Boolean.FALSE;
        }
        if (types.isAssignable(types.erasure(type), collection)) {
            TypeMirror asCollection = collectionElement(type);
            if (asCollection != null && types.isAssignable(asCollection, streamId)) {
                return Boolean.TRUE;
            }
        }
        return null;
    }

    /** The element type of a collection type, resolved through its supertypes. */
    private TypeMirror collectionElement(TypeMirror type) {
        for (TypeMirror t = type; t != null; ) {
            if (t instanceof DeclaredType d
                    && types.isSameType(types.erasure(d), collection)
                    && d.getTypeArguments().size() == 1) {
                TypeMirror arg = d.getTypeArguments().get(0);
                if (arg.getKind() == TypeKind.WILDCARD) {
                    TypeMirror bound = ((javax.lang.model.type.WildcardType) arg).getExtendsBound();
                    return bound;
                }
                return arg;
            }
            TypeMirror next = null;
            for (TypeMirror s : types.directSupertypes(t)) {
                if (types.isAssignable(types.erasure(s), collection)) {
                    next = s;
                    break;
                }
            }
            t = next;
        }
        return null;
    }

    private Optional<String> access(TypeElement type, Element member, String name) {
        if (member.getKind() == ElementKind.RECORD_COMPONENT) {
            return Optional.of("command." + name + "()");
        }
        if (!member.getModifiers().contains(Modifier.PRIVATE)) {
            return Optional.of("command." + name);
        }
        for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String method = m.getSimpleName().toString();
            if ((method.equals(name) || method.equals("get" + capitalize(name)))
                    && m.getParameters().isEmpty()
                    && !m.getModifiers().contains(Modifier.PRIVATE)
                    && !m.getModifiers().contains(Modifier.STATIC)
                    && types.isSameType(m.getReturnType(), member.asType())) {
                return Optional.of("command." + method + "()");
            }
        }
        return Optional.empty();
    }

    private boolean checkNesting(TypeElement type) {
        for (Element e = type; !(e instanceof PackageElement); e = e.getEnclosingElement()) {
            if (!(e instanceof TypeElement t)) {
                error(
                        type,
                        ProcessorMessages.commandNotNameable(
                                simpleName(type),
                                "is declared inside a method: the generated declarations class cannot name it;"
                                        + " declare it at top level or as a static nested type"));
                return false;
            }
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                error(
                        type,
                        ProcessorMessages.commandNotNameable(
                                simpleName(type),
                                "is a local class: the generated declarations class cannot name it;"
                                        + " declare it at top level or as a static nested type"));
                return false;
            }
            if (t.getModifiers().contains(Modifier.PRIVATE)) {
                error(
                        type,
                        ProcessorMessages.commandNotNameable(
                                simpleName(type),
                                "is not visible in its package because "
                                        + (t == type ? "it is" : t.getSimpleName() + " is")
                                        + " private; the generated declarations class lives in the same package:"
                                        + " make it package-private or public"));
                return false;
            }
            if (t.getNestingKind() == NestingKind.MEMBER
                    && t.getKind() == ElementKind.CLASS
                    && !t.getModifiers().contains(Modifier.STATIC)) {
                error(
                        type,
                        ProcessorMessages.commandNotNameable(
                                simpleName(type),
                                "is an inner class of "
                                        + t.getEnclosingElement().getSimpleName() + ": make " + t.getSimpleName()
                                        + " static"));
                return false;
            }
        }
        return true;
    }

    private boolean checkGenerics(TypeElement type) {
        if (!type.getTypeParameters().isEmpty()) {
            error(type, ProcessorMessages.commandGeneric(simpleName(type)));
            return false;
        }
        return true;
    }

    /** The first type argument of {@code Command<C, S, E>} must be the command itself. */
    private boolean checkSelfType(TypeElement type) {
        for (TypeMirror s : types.directSupertypes(type.asType())) {
            if (s instanceof DeclaredType d
                    && d.asElement().equals(command)
                    && d.getTypeArguments().size() == 3) {
                TypeMirror self = d.getTypeArguments().get(0);
                if (self.getKind() != TypeKind.ERROR && !types.isSameType(self, type.asType())) {
                    error(type, ProcessorMessages.wrongSelfType(simpleName(type), self.toString()));
                    return false;
                }
            }
        }
        return true;
    }

    private static String relativeName(TypeElement type) {
        String name = type.getSimpleName().toString();
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement t; e = t.getEnclosingElement()) {
            name = t.getSimpleName() + "." + name;
        }
        return name;
    }

    private static String simpleName(TypeElement type) {
        return type.getSimpleName().toString();
    }

    private static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private void error(Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, message, positioned(element));
    }

    /**
     * javac keeps no source position for record component elements; their private fields have the
     * component's position, so errors about a component are reported there.
     */
    private static Element positioned(Element element) {
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
            for (VariableElement field :
                    ElementFilter.fieldsIn(element.getEnclosingElement().getEnclosedElements())) {
                if (field.getSimpleName().equals(element.getSimpleName())) {
                    return field;
                }
            }
        }
        return element;
    }
}
