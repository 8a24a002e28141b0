package dev.wssubprotocol.agent.weave;

import dev.wssubprotocol.agent.weave.inlining.Events;
import dev.wssubprotocol.agent.weave.inlining.ExitOnlyAdvice;
import dev.wssubprotocol.agent.weave.inlining.FullAdvice;
import dev.wssubprotocol.agent.weave.inlining.PlainAdvice;
import dev.wssubprotocol.agent.weave.inlining.Target;
import dev.wssubprotocol.agent.weave.inlining.Unsupported;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatchers;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The inliner against Byte Buddy's own {@code Advice}, the reference for what the annotations mean: the same advice
 * woven into the same method both ways must behave the same in every case, run for real (each copy of the target is
 * defined in a class loader of its own and verified by the JVM).
 */
class InlinerTest {
    private static final String RUN = "(Ljava/lang/String;IJ)Ljava/lang/String;";
    /** 0: plain; 1: the method throws; 2: loops; 3: the enter advice throws; 4: the method catches its own exception */
    private static final int[] MODES = {0, 1, 2, 3, 4};

    @Test
    void behavesAsByteBuddyWithEveryBindingAndBothSuppressions() throws Exception {
        List<String> reference = runAll(byteBuddy(FullAdvice.class));
        List<String> inlined = runAll(inliner(FullAdvice.class));
        assertEquals(reference, inlined);
        // and the cases did what they are there for
        assertTrue(reference.contains("enter Target x 1 f"), reference.toString());
        assertTrue(reference.contains("exit entered null java.lang.IllegalStateException: thrown by the method x+0 1"),
                reference.toString());
        assertTrue(reference.contains("mode 3 returned x:f:2.0 field f counter 40"), reference.toString());
        assertTrue(reference.contains("mode 4 returned caught by the method field F counter 70"), reference.toString());
    }

    @Test
    void behavesAsByteBuddyWithAnExitOnReturnsOnly() throws Exception {
        List<String> reference = runAll(byteBuddy(PlainAdvice.class));
        assertEquals(reference, runAll(inliner(PlainAdvice.class)));
        assertTrue(reference.contains("exit true x:f:0.5"), reference.toString());
        assertTrue(reference.contains("mode 1 threw java.lang.IllegalStateException: thrown by the method field f"
                + " counter 1"), reference.toString());
    }

    @Test
    void behavesAsByteBuddyWithAnExitOnlyAdviceThatCallsTheMethodAgainAndDropsTheThrowable() throws Exception {
        List<String> reference = runAll(byteBuddy(ExitOnlyAdvice.class));
        assertEquals(reference, runAll(inliner(ExitOnlyAdvice.class)));
        assertTrue(reference.contains("again x:f:0.5"), reference.toString());
        assertTrue(reference.contains("mode 1 returned null field f counter 1"), reference.toString());
    }

    @Test
    void refusesWhatItDoesNotImplement() throws Exception {
        for (Class<?> advice : Arrays.asList(Unsupported.Origin.class, Unsupported.Helper.class,
                Unsupported.ReadOnly.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> inliner(advice),
                    advice.getSimpleName());
            assertTrue(e.getMessage().startsWith("advice not supported by the inliner: "), e.getMessage());
        }
    }

    private static byte[] inliner(Class<?> advice) throws Exception {
        byte[] target = PatchesTest.bytes(Target.class.getName());
        return Inliner.inline(target, ClassInfo.of(target), "run", RUN, PatchesTest.bytes(advice.getName()));
    }

    private static byte[] byteBuddy(Class<?> advice) {
        return new ByteBuddy()
                .redefine(Target.class)
                .visit(Advice.to(advice, ClassFileLocator.ForClassLoader.of(advice.getClassLoader()))
                        .on(ElementMatchers.named("run")))
                .make()
                .getBytes();
    }

    /** Every mode on a fresh instance: the advice's events, then what the method returned or threw, and the fields. */
    private static List<String> runAll(byte[] woven) throws Exception {
        Class<?> type = WeaverTest.define(Target.class.getName(), woven);
        Method run = type.getMethod("run", String.class, int.class, long.class);
        Field field = type.getDeclaredField("field");
        Field counter = type.getDeclaredField("counter");
        field.setAccessible(true);
        counter.setAccessible(true);
        List<String> log = new ArrayList<String>();
        for (int mode : MODES) {
            Object target = type.getConstructor().newInstance();
            Events.LOG.clear();
            String outcome;
            try {
                outcome = "returned " + run.invoke(target, "x", mode, 1L);
            } catch (InvocationTargetException e) {
                outcome = "threw " + e.getCause();
            }
            log.addAll(Events.LOG);
            log.add("mode " + mode + " " + outcome + " field " + field.get(target) + " counter " + counter.get(target));
        }
        return log;
    }
}
