package ai.atelier.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic visitor profiles over the example company's industries, for the batch benchmark, from
 * a fixed seed. The mix is stated in {@link #MIX}: manufacturing 35 %, retail 25 %, logistics 20 %,
 * healthcare 15 %, and 5 % agriculture (an industry the company has no research for, so those
 * pages are built on cross-industry research). Names, roles, company types, sizes (log-uniform,
 * 8–5,000 staff), locations and 1–3 interests per visitor are drawn from per-industry lists.
 */
final class VisitorGenerator {
    static final String[] INDUSTRIES = {"manufacturing", "retail", "logistics", "healthcare", "agriculture"};
    static final double[] MIX = {0.35, 0.25, 0.20, 0.15, 0.05};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FIRST = {"Priya", "Tomás", "Amara", "Jonas", "Mei", "Kwame", "Sofia", "Liam", "Aisha", "Mateo", "Hannah",
            "Yuki", "Diego", "Ingrid", "Rahul", "Fatima", "Oliver", "Chloé", "Sven", "Nadia"};
    private static final String[] LAST = {"Raman", "Lindqvist", "Okafor", "Becker", "Chen", "Mensah", "Rossi", "Nguyen", "Khan", "García",
            "Schmidt", "Tanaka", "Martínez", "Larsen", "Iyer", "Haddad", "Brown", "Laurent", "Eriksson", "Petrova"};
    private static final String[][] TYPES = {
            {"family-owned foundry", "contract injection moulder", "precision machine shop", "food processing plant"},
            {"regional grocery chain", "apparel retailer", "online homeware shop", "garden centre group"},
            {"third-party logistics provider", "regional trucking company", "parcel courier", "cold-chain distributor"},
            {"community hospital", "physiotherapy clinic group", "private dental practice", "care home operator"},
            {"dairy cooperative", "greenhouse grower", "grain farm", "vineyard"}};
    private static final String[][] ROLES = {
            {"Head of Operations", "Plant Manager", "Maintenance Lead", "COO"},
            {"Head of Merchandising", "Store Operations Director", "E-commerce Manager", "CEO"},
            {"Fleet Manager", "Warehouse Director", "Head of Network Planning", "COO"},
            {"Director of Nursing", "Practice Manager", "Head of Patient Flow", "CFO"},
            {"Farm Manager", "Operations Lead", "Owner", "Agronomist"}};
    private static final String[][] INTERESTS = {
            {"predictive maintenance", "energy costs", "scrap reduction", "OEE", "spare parts"},
            {"demand forecasting", "stockouts", "markdowns", "store staffing", "returns"},
            {"route planning", "fuel costs", "on-time delivery", "warehouse slotting", "driver retention"},
            {"patient flow", "bed occupancy", "staff rostering", "no-shows", "waiting times"},
            {"yield forecasting", "irrigation", "energy costs", "cold storage"}};
    private static final String[] PLACES = {"Coimbatore, India", "Gothenburg, Sweden", "Lagos, Nigeria", "Hamburg, Germany", "Kaohsiung, Taiwan",
            "Kumasi, Ghana", "Turin, Italy", "Da Nang, Vietnam", "Leeds, UK", "Monterrey, Mexico", "Ohio, USA", "Lyon, France"};
    private static final String[] MISSIONS = {"Cut unplanned downtime without adding headcount", "Grow margins while keeping prices fair",
            "Deliver on time, every time, at lower cost", "Give every patient a shorter wait", "Do more with the data we already have"};

    private VisitorGenerator() {}

    static List<String> generate(int n, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int ind = industry(r.nextDouble());
            String first = FIRST[r.nextInt(FIRST.length)], last = LAST[r.nextInt(LAST.length)];
            ObjectNode p = JSON.createObjectNode();
            p.put("id", "v" + i + "-" + first.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") );
            p.put("name", first + " " + last);
            p.put("company", last + " " + capital(TYPES[ind][r.nextInt(TYPES[ind].length)]).split(" ")[0] + " " + (i % 7 == 0 ? "Group" : "Ltd"));
            p.put("industry", INDUSTRIES[ind]);
            p.put("companySize", (int) Math.round(Math.exp(Math.log(8) + r.nextDouble() * (Math.log(5000) - Math.log(8)))));
            p.put("companyType", TYPES[ind][r.nextInt(TYPES[ind].length)]);
            p.put("location", PLACES[r.nextInt(PLACES.length)]);
            p.put("role", ROLES[ind][r.nextInt(ROLES[ind].length)]);
            p.put("mission", MISSIONS[r.nextInt(MISSIONS.length)]);
            var interests = p.putArray("interests");
            List<String> pool = new ArrayList<>(List.of(INTERESTS[ind]));
            java.util.Collections.shuffle(pool, r);
            for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) interests.add(pool.get(k));
            p.put("language", "en");
            out.add(p.toString());
        }
        return out;
    }

    private static int industry(double u) {
        double c = 0;
        for (int i = 0; i < MIX.length; i++) if (u < (c += MIX[i])) return i;
        return MIX.length - 1;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
