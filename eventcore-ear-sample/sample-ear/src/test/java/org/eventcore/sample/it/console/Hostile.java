package org.eventcore.sample.it.console;

/**
 * Markup that would run script if a page inserted it as HTML: each sets its own flag on {@code window}, so a test
 * can tell which one ran. The console must show every one as text.
 */
public final class Hostile {

    /** In a stream id. */
    public static final String STREAM = "<img src=x onerror=\"window.__xss='stream'\">";

    /** In a payload (an account owner). */
    public static final String PAYLOAD = "<script>window.__xss='payload'</script><b>bold</b>";

    /** In the custom metadata. */
    public static final String METADATA = "<svg onload=\"window.__xss='metadata'\"></svg>";

    /** In the error text of a skipped event (thrown by {@link HostileProjection}). */
    public static final String ERROR = "<iframe src=\"javascript:window.__xss='error'\"></iframe>";

    private Hostile() {}
}
