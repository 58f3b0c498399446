package org.eventcore.examples.evolution;

import java.util.List;
import org.eventcore.jsonb.JsonUpcaster;
import org.eventcore.serialization.EventUpcaster;

/** The chain of club.MemberJoined, from its first stored form to its class's. */
public final class ClubUpcasters {

    private ClubUpcasters() {}

    public static List<EventUpcaster<?>> all() {
        return List.of(
                // revision 1 to 2: the type was renamed; club.SignedUp keeps resolving
                EventUpcaster.rename("club.SignedUp", 1, "club.MemberJoined"),
                // revision 2 to 3: "id" renamed to "memberId", "newsletter" removed
                JsonUpcaster.of(
                        "club.MemberJoined",
                        2,
                        json -> JsonUpcaster.JSON
                                .createPatchBuilder()
                                .move("/memberId", "/id")
                                .remove("/newsletter")
                                .build()
                                .apply(json)),
                // revision 3 to 4
                new SplitFullName());
    }
}
