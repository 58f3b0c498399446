package org.eventcore.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendOnlyListTest {

    @Test
    void a_snapshot_keeps_its_size_while_the_list_grows_past_its_capacity() {
        AppendOnlyList<Integer> list = new AppendOnlyList<>();
        list.addAll(List.of(1, 2, 3));
        List<Integer> snapshot = list.snapshot();

        list.addAll(IntStream.rangeClosed(4, 100).boxed().toList());

        assertThat(snapshot).containsExactly(1, 2, 3);
        assertThat(list.size()).isEqualTo(100);
        assertThat(list.snapshot()).hasSize(100).startsWith(1, 2, 3).endsWith(99, 100);
        assertThat(list.range(97, 100)).containsExactly(98, 99, 100);
        assertThat(list.range(5, 5)).isEmpty();
    }

    @Test
    void views_are_read_only_and_check_their_bounds() {
        AppendOnlyList<String> list = new AppendOnlyList<>();
        list.addAll(List.of("a", "b", "c"));
        List<String> view = list.range(1, 3);

        assertThat(view).containsExactly("b", "c");
        assertThatThrownBy(() -> view.add("d")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> view.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(list.snapshot(0)).isEmpty();
    }

    @Test
    void views_refuse_every_change_and_are_recognised_as_immutable_so_reads_can_share_them() {
        AppendOnlyList<String> list = new AppendOnlyList<>();
        list.addAll(List.of("a", "b", "c"));
        List<String> view = list.snapshot();

        assertThatThrownBy(() -> view.set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(view::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> view.subList(0, 2).set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> {
                    var it = view.iterator();
                    it.next();
                    it.remove();
                })
                .isInstanceOf(UnsupportedOperationException.class);
        list.addAll(List.of("d"));
        assertThat(view).as("a view does not see later appends").containsExactly("a", "b", "c");

        assertThat(AppendOnlyList.isImmutableView(view)).isTrue();
        assertThat(AppendOnlyList.isImmutableView(new java.util.ArrayList<>(view)))
                .isFalse();
        assertThat(AppendOnlyList.isImmutableView(List.of("a"))).isFalse();
    }
}
