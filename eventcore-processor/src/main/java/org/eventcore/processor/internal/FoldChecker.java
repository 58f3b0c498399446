package org.eventcore.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import org.eventcore.processor.messages.ProcessorMessages;

/**
 * Checks that a {@code @CachedState} command's fold depends on the events alone, as far as the syntax
 * of its {@code initialState} and {@code apply} shows: neither may name one of the command's fields or
 * record components (unless a parameter or local variable of that name hides it), use {@code this} or
 * {@code super}, or call one of the command's instance methods without a receiver (EC4020, on the
 * offending expression). What the methods they call do, and static state they read, is not seen: that
 * stays the command's promise, as the manual says. Under a compiler without javac's tree API the check
 * does nothing.
 */
public final class FoldChecker {

    private static final String CACHED_STATE = "org.eventcore.CachedState";

    private final Trees trees;
    private final Elements elements;

    private FoldChecker(Trees trees, Elements elements) {
        this.trees = trees;
        this.elements = elements;
    }

    /** A checker for this compilation, or empty when the compiler has no javac tree API. */
    public static Optional<FoldChecker> of(ProcessingEnvironment environment) {
        try {
            return Optional.of(new FoldChecker(Trees.instance(environment), environment.getElementUtils()));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Whether {@code type} is annotated {@code @CachedState}. */
    public static boolean isCached(TypeElement type) {
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement())
                    .getQualifiedName()
                    .contentEquals(CACHED_STATE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the fold of {@code type} if it is {@code @CachedState}.
     *
     * @return whether no error was reported
     */
    public boolean check(TypeElement type) {
        if (!isCached(type)) {
            return true;
        }
        Set<String> fields = new HashSet<>();
        Set<String> methods = new HashSet<>();
        for (Element member : elements.getAllMembers(type)) {
            if (member.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            if (member.getKind() == ElementKind.FIELD) {
                fields.add(member.getSimpleName().toString());
            } else if (member.getKind() == ElementKind.METHOD) {
                methods.add(member.getSimpleName().toString());
            }
        }
        boolean ok = true;
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            String name = method.getSimpleName().toString();
            boolean fold =
                    (name.equals("initialState") && method.getParameters().isEmpty())
                            || (name.equals("apply") && method.getParameters().size() == 2);
            if (!fold || method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            TreePath path = trees.getPath(method);
            if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
                continue;
            }
            Scanner scanner =
                    new Scanner(path.getCompilationUnit(), type, name, fields, methods, MethodBodies.localNames(tree));
            scanner.scan(tree.getBody(), null);
            ok &= !scanner.reported;
        }
        return ok;
    }

    private final class Scanner extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final TypeElement type;
        private final String method;
        private final Set<String> fields;
        private final Set<String> methods;
        private final Set<String> locals;
        boolean reported;

        Scanner(
                CompilationUnitTree unit,
                TypeElement type,
                String method,
                Set<String> fields,
                Set<String> methods,
                Set<String> locals) {
            this.unit = unit;
            this.type = type;
            this.method = method;
            this.fields = fields;
            this.methods = methods;
            this.locals = locals;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (call.getMethodSelect() instanceof IdentifierTree name
                    && methods.contains(name.getName().toString())
                    && !locals.contains(name.getName().toString())) {
                report(name, "calls its instance method " + name.getName() + "()");
                // the arguments may read fields too
                for (Tree argument : call.getArguments()) {
                    scan(argument, null);
                }
                return null;
            }
            return super.visitMethodInvocation(call, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree id, Void unused) {
            String name = id.getName().toString();
            if (name.equals("this") || name.equals("super")) {
                report(id, "uses " + name);
            } else if (fields.contains(name) && !locals.contains(name)) {
                report(id, "reads its field " + name);
            }
            return null;
        }

        private void report(Tree at, String what) {
            trees.printMessage(
                    Diagnostic.Kind.ERROR,
                    ProcessorMessages.foldReadsCommand(type.getSimpleName().toString(), method, what),
                    at,
                    unit);
            reported = true;
        }
    }
}
