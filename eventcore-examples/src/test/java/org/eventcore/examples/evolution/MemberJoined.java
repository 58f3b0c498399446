package org.eventcore.examples.evolution;

import org.eventcore.serialization.EventType;

/**
 * A member joined the club. Revision 4: stored since the club's first release as {@code club.SignedUp}
 * (revision 1), renamed (2), its id field renamed and the newsletter flag dropped (3), the full name
 * split and a plan added (4). The referrer came later, optional, without a new revision.
 *
 * @param referrer who brought the member in; {@code null} when nobody did, or the event is older
 */
@EventType(name = "club.MemberJoined", revision = 4)
public record MemberJoined(String memberId, Name name, String plan, String referrer) {

    public record Name(String given, String family) {}
}
