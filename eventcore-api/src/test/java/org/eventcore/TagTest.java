package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TagTest {

    record Subscribed() {}

    record Defined() {}

    @Test
    void a_tag_is_key_colon_value_and_keeps_further_colons_in_its_value() {
        Tag t = Tag.of("course", "c:17");
        assertThat(t.value()).isEqualTo("course:c:17");
        assertThat(t.key()).isEqualTo("course");
        assertThat(t.tagValue()).isEqualTo("c:17");
        assertThat(Tag.parse("username:")).isEqualTo(new Tag("username:"));
    }

    @Test
    void invalid_tags_are_refused_naming_the_input_and_the_rule() {
        assertThatThrownBy(() -> Tag.parse("no-colon"))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageStartingWith("EC1008 Invalid tag \"no-colon\": it has no ':'");
        assertThatThrownBy(() -> Tag.parse(":value")).hasMessageContaining("its key (before the first ':') is empty");
        assertThatThrownBy(() -> Tag.parse(" :value")).hasMessageContaining("its key is blank");
        assertThatThrownBy(() -> Tag.parse("key:a\u0000b")).hasMessageStartingWith("EC1008");
        assertThatThrownBy(() -> Tag.parse("k:" + "x".repeat(300))).hasMessageStartingWith("EC1008");
        assertThatThrownBy(() -> Tag.parse(null)).hasMessageStartingWith("EC1008 Invalid tag null");
        assertThatThrownBy(() -> Tag.of("a:b", "c")).hasMessageContaining("holds ':'");
        assertThatThrownBy(() -> Tag.of("course", null)).hasMessageContaining("its value is null");
    }

    @Test
    void a_query_matches_events_of_one_of_its_types_with_all_its_tags_items_or_ed() {
        Tag course = Tag.of("course", "c1");
        Tag student = Tag.of("student", "s1");
        TagQuery q = TagQuery.of(Set.of(Subscribed.class), course, student).or(TagQuery.tagged(Tag.of("course", "c2")));

        assertThat(q.matches(Subscribed.class, List.of(course, student, Tag.of("x", "y"))))
                .isTrue();
        assertThat(q.matches(Subscribed.class, List.of(course))).isFalse();
        assertThat(q.matches(Defined.class, List.of(course, student))).isFalse();
        assertThat(q.matches(Defined.class, List.of(Tag.of("course", "c2")))).isTrue();
        assertThat(q.items()).hasSize(2);
        assertThat(q.toString()).isEqualTo("[types Subscribed tagged course:c1 & student:s1] or [tagged course:c2]");
    }

    @Test
    void an_item_without_a_tag_is_refused_with_the_way_out() {
        assertThatThrownBy(() -> TagQuery.of(Set.of(Subscribed.class)))
                .isInstanceOf(InvalidTagException.class)
                .hasMessageStartingWith("EC1009 Invalid tag query: an item names no tag (only the types [Subscribed])")
                .hasMessageContaining("give the events a tag they share");
        assertThatThrownBy(() -> TagQuery.tagged()).hasMessageContaining("it would match every event");
        assertThatThrownBy(() -> TagQuery.tagged((Tag) null)).hasMessageContaining("a tag is null");
        assertThatThrownBy(() -> TagQuery.ofItems(List.of())).hasMessageStartingWith("EC1009");
    }

    @Test
    void queries_with_the_same_items_are_equal_whatever_the_order_of_their_tags() {
        Tag a = Tag.of("a", "1");
        Tag b = Tag.of("b", "2");
        assertThat(TagQuery.tagged(a, b)).isEqualTo(TagQuery.tagged(b, a));
        assertThat(TagQuery.tagged(a, b).items().get(0).tags()).containsExactly(a, b);
    }
}
