package org.eventcore.processor.internal;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/** What the checks of method bodies read from javac's syntax trees. */
final class MethodBodies {

    private MethodBodies() {}

    /** The names of the parameters and local variables of {@code method}, lambda parameters among them. */
    static Set<String> localNames(MethodTree method) {
        Set<String> names = new HashSet<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void unused) {
                names.add(node.getName().toString());
                return super.visitVariable(node, unused);
            }
        }.scan(method, null);
        return names;
    }
}
