package org.eventcore.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.eventcore.processor.internal.CommandAnalyzer;
import org.eventcore.processor.internal.CommandDeclaration;
import org.eventcore.processor.internal.DeclarationsWriter;
import org.eventcore.processor.internal.EmitChecker;
import org.eventcore.processor.internal.FoldChecker;
import org.eventcore.processor.messages.ProcessorMessages;

/**
 * Generates, for every EventCore command in the compilation, its stream declarations class
 * {@code <Command>Streams} beside it: the streams named by the command's {@code @Stream} members,
 * and one typed {@code StreamHandle<Command>} accessor per member, which is what makes a write to
 * an undeclared stream a compile error.
 *
 * <p>Checks, reported as compile errors on the offending element with the fix in the message:
 * {@code @Stream} on a member that is not a {@code StreamId} or a collection of them (EC4001); a
 * command with no {@code @Stream} member (EC4002); {@code @Stream} in a type that is not a command
 * (EC4003); a private field without accessor (EC4004); a command the generated class cannot name
 * (private, local or inner: EC4005); a static member (EC4006); a generic command (EC4007); a wrong
 * self type in {@code Command<C, S, E>} (EC4008); a member named like a method of the generated
 * class (EC4009); {@code @Stream} on an abstract type (EC4010); in {@code handle}, a write that passes
 * a stream id member where its handle belongs (EC4012), or a stream id member that is not declared
 * (EC4013); in a {@code @CachedState} command's {@code initialState} or {@code apply}, a read of the
 * command's own fields, {@code this}, or a call of its instance methods (EC4020).
 *
 * <p>Enable it with the processor on the compile path: either as a dependency
 * ({@code org.eventcore:eventcore-processor}, scope {@code provided}), or in
 * {@code maven-compiler-plugin}'s {@code <annotationProcessorPaths>}. One class is generated per
 * command, with the command as its only originating element, so incremental builds stay correct.
 */
@SupportedAnnotationTypes("*")
public final class StreamDeclarationsProcessor extends AbstractProcessor {

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        CommandAnalyzer analyzer = new CommandAnalyzer(
                processingEnv.getElementUtils(), processingEnv.getTypeUtils(), processingEnv.getMessager());
        if (!analyzer.apiPresent()) {
            return false;
        }
        Set<TypeElement> candidates = new LinkedHashSet<>();
        for (Element root : round.getRootElements()) {
            collect(root, analyzer, candidates);
        }
        Optional<EmitChecker> emits = EmitChecker.of(processingEnv);
        Optional<FoldChecker> folds = FoldChecker.of(processingEnv);
        for (TypeElement type : candidates) {
            analyzer.analyze(type).ifPresent(d -> {
                write(d, type);
                emits.ifPresent(c -> c.check(type, d.generatedName(), analyzer.streamIdMembers(type)));
                folds.ifPresent(c -> c.check(type));
            });
        }
        return false;
    }

    /** Finds commands and types with {@code @Stream} members among {@code element} and its nested types. */
    private static void collect(Element element, CommandAnalyzer analyzer, Set<TypeElement> into) {
        if (!(element instanceof TypeElement type)) {
            return;
        }
        boolean hasStreamMembers = type.getEnclosedElements().stream().anyMatch(analyzer::hasStream)
                || type.getRecordComponents().stream().anyMatch(analyzer::hasStream)
                || type.getEnclosedElements().stream().anyMatch(analyzer::hasConsistency)
                || type.getRecordComponents().stream().anyMatch(analyzer::hasConsistency);
        if (hasStreamMembers || analyzer.isConcreteCommand(type)) {
            into.add(type);
        }
        for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
            collect(nested, analyzer, into);
        }
    }

    private void write(CommandDeclaration declaration, TypeElement command) {
        Filer filer = processingEnv.getFiler();
        Optional<String> problem = Optional.empty();
        try {
            JavaFileObject file = filer.createSourceFile(declaration.qualifiedGeneratedName(), command);
            try (Writer out = file.openWriter()) {
                out.write(DeclarationsWriter.render(declaration));
            }
        } catch (FilerException e) {
            problem = Optional.of(ProcessorMessages.declarationsNotWritten(
                    declaration.qualifiedGeneratedName(),
                    command.getSimpleName().toString(),
                    e.getMessage(),
                    true));
        } catch (IOException e) {
            problem = Optional.of(ProcessorMessages.declarationsNotWritten(
                    declaration.qualifiedGeneratedName(),
                    command.getSimpleName().toString(),
                    e.getMessage(),
                    false));
        }
        problem.ifPresent(p -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, p, command));
    }
}
