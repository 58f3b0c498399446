package org.eventcore.examples.evolution;

import jakarta.json.JsonObject;
import org.eventcore.EventMetadata;
import org.eventcore.jsonb.JsonUpcaster;

/** Revision 3 to 4 of club.MemberJoined: "fullName" becomes a "name" object, and "plan" is added. */
public class SplitFullName implements JsonUpcaster {

    @Override
    public String type() {
        return "club.MemberJoined";
    }

    @Override
    public int revision() {
        return 3;
    }

    @Override
    public JsonObject upcast(JsonObject json, EventMetadata metadata) {
        String full = json.getString("fullName").strip();
        int space = full.lastIndexOf(' ');
        return JSON.createObjectBuilder(json)
                .remove("fullName")
                .add(
                        "name",
                        JSON.createObjectBuilder()
                                .add("given", space < 0 ? full : full.substring(0, space))
                                .add("family", space < 0 ? "" : full.substring(space + 1)))
                .add("plan", "basic") // every member before revision 4 was on the basic plan
                .build();
    }
}
