package org.eventcore.processor.internal;

import java.util.List;

/**
 * What the processor generates a declarations class from.
 *
 * @param packageName the command's package ("" for the unnamed package)
 * @param commandName the command's canonical name relative to its package ({@code Outer.Inner})
 * @param generatedName the simple name of the generated class ({@code Outer_InnerStreams})
 * @param members the {@code @Stream} members in declaration order
 * @param queries the {@code @Consistency} members in declaration order: each an expression that reads it
 *     from a variable named {@code command}, and its name
 * @param cdi whether the CDI API is on the compile path: the class is then annotated
 *     {@code @Dependent}, so that CDI's annotated discovery shows it to EventCore's extension
 */
public record CommandDeclaration(
        String packageName,
        String commandName,
        String generatedName,
        List<StreamMember> members,
        List<StreamMember> queries,
        boolean cdi) {

    /** A declaration without tag queries. */
    public CommandDeclaration(
            String packageName, String commandName, String generatedName, List<StreamMember> members, boolean cdi) {
        this(packageName, commandName, generatedName, members, List.of(), cdi);
    }

    /** The generated class's qualified name. */
    public String qualifiedGeneratedName() {
        return packageName.isEmpty() ? generatedName : packageName + "." + generatedName;
    }
}
