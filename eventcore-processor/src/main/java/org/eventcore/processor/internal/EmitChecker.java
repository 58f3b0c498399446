package org.eventcore.processor.internal;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import org.eventcore.processor.messages.ProcessorMessages;

/**
 * Finds, in a command's {@code handle}, the writes that pass a stream id where a stream handle
 * belongs: {@code decision.emit(from, event)}. javac would report them as "incompatible types:
 * StreamId cannot be converted to StreamHandle<...>", which names neither the cause nor the fix;
 * this check reports them first, on the argument, with the handle to use instead (EC4012) or, for a
 * stream id member the command did not declare, how to declare or discover it (EC4013).
 *
 * <p>Only the syntax of {@code handle}'s own body is read (annotation processing runs before type
 * attribution): a call {@code d.emit(x, ...)} or {@code d.emitAll(x, ...)} on the method's decision
 * parameter {@code d}, where {@code x} (or {@code this.x}) names a {@code StreamId} member of the
 * command and no local variable or parameter of that name. Anything else is left to javac. Under a
 * compiler other than javac, which has no tree API, the check does nothing.
 */
public final class EmitChecker {

    private final Trees trees;

    private EmitChecker(Trees trees) {
        this.trees = trees;
    }

    /** A checker for this compilation, or empty when the compiler has no javac tree API. */
    public static Optional<EmitChecker> of(ProcessingEnvironment environment) {
        try {
            return Optional.of(new EmitChecker(Trees.instance(environment)));
        } catch (IllegalArgumentException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * Checks the {@code handle} methods of {@code type}, whose stream id members are
     * {@code idMembers} (name to whether it is declared with {@code @Stream}).
     *
     * @return whether no error was reported
     */
    public boolean check(TypeElement type, String declarationsClass, Map<String, Boolean> idMembers) {
        boolean ok = true;
        for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
            if (!method.getSimpleName().contentEquals("handle")
                    || method.getParameters().size() != 2
                    || method.getModifiers().contains(Modifier.STATIC)) {
                continue;
            }
            TreePath path = trees.getPath(method);
            if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
                continue;
            }
            String decision = method.getParameters().get(1).getSimpleName().toString();
            Scanner scanner = new Scanner(
                    path.getCompilationUnit(),
                    type,
                    declarationsClass,
                    decision,
                    idMembers,
                    MethodBodies.localNames(tree));
            scanner.scan(tree.getBody(), null);
            ok &= !scanner.reported;
        }
        return ok;
    }

    private final class Scanner extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final TypeElement type;
        private final String declarationsClass;
        private final String decision;
        private final Map<String, Boolean> idMembers;
        private final Set<String> locals;
        boolean reported;

        Scanner(
                CompilationUnitTree unit,
                TypeElement type,
                String declarationsClass,
                String decision,
                Map<String, Boolean> idMembers,
                Set<String> locals) {
            this.unit = unit;
            this.type = type;
            this.declarationsClass = declarationsClass;
            this.decision = decision;
            this.idMembers = idMembers;
            this.locals = locals;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            if (call.getMethodSelect() instanceof MemberSelectTree select
                    && (select.getIdentifier().contentEquals("emit")
                            || select.getIdentifier().contentEquals("emitAll")
                            || select.getIdentifier().contentEquals("emitTagged"))
                    && select.getExpression() instanceof IdentifierTree receiver
                    && receiver.getName().contentEquals(decision)
                    && call.getArguments().size() >= 2) {
                ExpressionTree stream = call.getArguments().get(0);
                memberName(stream).ifPresent(name -> report(stream, select.getIdentifier() + "", name));
            }
            return super.visitMethodInvocation(call, unused);
        }

        /** The member {@code stream} names: {@code x} that is no local, or {@code this.x}. */
        private Optional<String> memberName(ExpressionTree stream) {
            String name = null;
            if (stream instanceof IdentifierTree id
                    && !locals.contains(id.getName().toString())) {
                name = id.getName().toString();
            } else if (stream instanceof MemberSelectTree s
                    && s.getExpression() instanceof IdentifierTree self
                    && self.getName().contentEquals("this")) {
                name = s.getIdentifier().toString();
            }
            return name != null && idMembers.containsKey(name) ? Optional.of(name) : Optional.empty();
        }

        private void report(Tree at, String method, String name) {
            String command = type.getSimpleName().toString();
            String message;
            if (idMembers.get(name)) {
                message = ProcessorMessages.streamIdInsteadOfHandle(method, declarationsClass, name, command);
            } else {
                message = ProcessorMessages.undeclaredStream(name, command, declarationsClass);
            }
            trees.printMessage(Diagnostic.Kind.ERROR, message, at, unit);
            reported = true;
        }
    }
}
