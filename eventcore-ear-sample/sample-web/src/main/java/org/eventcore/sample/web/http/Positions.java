package org.eventcore.sample.web.http;

import jakarta.ws.rs.BadRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.eventcore.GlobalPosition;

/**
 * The API's positions are opaque: a command's answer carries its position as a token ({@code p}
 * followed by base64url), and {@code ?after=} accepts only such tokens. A bare number, which a store
 * might read as a position before every real one, is refused with a 400 instead of silently not
 * waiting.
 */
public final class Positions {

    private static final Pattern TOKEN = Pattern.compile("p[A-Za-z0-9_-]{1,60}");

    private Positions() {}

    /** The token of {@code position}. */
    public static String token(GlobalPosition position) {
        return "p"
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(position.encode().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The position of {@code token}.
     *
     * @throws BadRequestException (400) if {@code token} is not one this API handed out
     */
    public static GlobalPosition of(String token) {
        if (token != null && TOKEN.matcher(token).matches()) {
            try {
                return GlobalPosition.decode(
                        new String(Base64.getUrlDecoder().decode(token.substring(1)), StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                // not a token of ours: refused below
            }
        }
        throw new BadRequestException(Problems.response(
                400,
                "Invalid input",
                "after must be a position this API"
                        + " returned (the \"position\" of a command's answer), for example ?after="
                        + token(GlobalPosition.of(5))));
    }
}
