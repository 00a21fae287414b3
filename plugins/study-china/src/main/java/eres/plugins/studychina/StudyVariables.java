package eres.plugins.studychina;

import java.util.List;
import java.util.Map;

/**
 * The variables of the synthetic study panel: names, labels, units and the fixed numbers that set
 * their levels (chosen to be plausible for Chinese provinces; the study's own descriptive statistics
 * were not available, see docs/synthetic-data.md).
 */
public final class StudyVariables {
    private StudyVariables() {
    }

    /**
     * A resilience indicator: {@code x = mean + sign * scale * ((R - R0)/R1 + noise)}, rounded to
     * {@code decimals}.
     */
    public record Indicator(String name, String label, String layer, boolean positive, double mean, double scale,
                            int decimals) {
        public int sign() {
            return positive ? 1 : -1;
        }
    }

    /** The criterion layers of the resilience index (study's Table 1), in order. */
    public static final List<String> LAYERS = List.of("Resistance", "Adaptation and recovery", "Innovation and transformation");

    /** The twelve indicators, four per layer, in table order. */
    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("gdp_pc", "GDP per capita (CNY)", "Resistance", true, 55000, 15000, 0),
            new Indicator("urban_emp", "Urban non-private employment per 100 residents", "Resistance", true, 11.5, 3.0, 2),
            new Indicator("budget_rev", "General budget revenue per capita (CNY)", "Resistance", true, 6500, 1800, 0),
            new Indicator("unemp_ins", "Unemployment-insurance recipients per 1,000 insured", "Resistance", false, 22, 5, 2),
            new Indicator("pollution_inv", "Industrial pollution-control investment (% of GDP)", "Adaptation and recovery", true,
                    0.22, 0.06, 3),
            new Indicator("freight", "Freight turnover per capita (ton-km)", "Adaptation and recovery", true, 13000, 3600, 0),
            new Indicator("large_ent", "Industrial enterprises above designated size per 10,000 residents",
                    "Adaptation and recovery", true, 2.6, 0.7, 3),
            new Indicator("fin_va", "Financial industry value added (% of GDP)", "Adaptation and recovery", true, 7.2, 1.9, 2),
            new Indicator("rd_exp", "R&D expenditure (% of GDP)", "Innovation and transformation", true, 1.75, 0.45, 3),
            new Indicator("edu_exp", "Education expenditure (% of general budget expenditure)", "Innovation and transformation",
                    true, 16.5, 1.9, 2),
            new Indicator("new_firms", "Newly registered private enterprises per 10,000 residents", "Innovation and transformation",
                    true, 48, 12, 2),
            new Indicator("students", "University students per 10,000 residents", "Innovation and transformation", true, 235, 60, 1));

    /**
     * An industry (urban non-private units, GB/T 4754 sections A-S) with its approximate 2015 national
     * employment and the yearly log-trend of its national share in the synthetic national structure.
     */
    public record Industry(String column, String section, String label, double nationalEmployment10k, double trend) {
        /** The column of national employment in this industry (the location-quotient reference). */
        public String nationalColumn() {
            return "nat_" + column;
        }
    }

    /**
     * The 19 industries and rounded national employment of urban non-private units around 2015 (10,000
     * persons; the order of magnitude of the NBS yearbook, used only as the reference structure).
     */
    public static final List<Industry> INDUSTRIES = List.of(
            new Industry("emp_agri", "A", "Agriculture, forestry, animal husbandry and fishery", 240, -0.03),
            new Industry("emp_mining", "B", "Mining", 545, -0.05),
            new Industry("emp_manuf", "C", "Manufacturing", 5069, -0.015),
            new Industry("emp_util", "D", "Electricity, heat, gas and water", 396, 0.0),
            new Industry("emp_constr", "E", "Construction", 2796, 0.01),
            new Industry("emp_trade", "F", "Wholesale and retail trade", 883, 0.0),
            new Industry("emp_transp", "G", "Transport, storage and post", 855, 0.0),
            new Industry("emp_hotel", "H", "Accommodation and catering", 293, 0.0),
            new Industry("emp_it", "I", "Information transmission, software and IT services", 350, 0.06),
            new Industry("emp_fin", "J", "Finance", 607, 0.025),
            new Industry("emp_realest", "K", "Real estate", 417, 0.03),
            new Industry("emp_bizserv", "L", "Leasing and business services", 474, 0.03),
            new Industry("emp_research", "M", "Scientific research and technical services", 410, 0.02),
            new Industry("emp_environ", "N", "Water conservancy, environment and public facilities", 274, 0.01),
            new Industry("emp_resserv", "O", "Residential, repair and other services", 74, 0.0),
            new Industry("emp_edu", "P", "Education", 1736, 0.005),
            new Industry("emp_health", "Q", "Health and social work", 842, 0.03),
            new Industry("emp_culture", "R", "Culture, sports and entertainment", 147, 0.0),
            new Industry("emp_pubadm", "S", "Public administration, social security and social organisations", 1638, 0.0));

    /**
     * Each province's specialty (the industry of its maximum location quotient) and the base level of
     * that quotient (the province intercept of the specialization equation).
     */
    public record Specialty(String section, double baseQuotient) {
    }

    /** Specialties by province code: stylised, loosely following each province's economic profile. */
    public static final Map<String, Specialty> SPECIALTIES = Map.ofEntries(
            Map.entry("11", new Specialty("I", 3.2)), Map.entry("12", new Specialty("G", 2.3)),
            Map.entry("13", new Specialty("D", 2.2)), Map.entry("14", new Specialty("B", 3.6)),
            Map.entry("15", new Specialty("B", 3.1)), Map.entry("21", new Specialty("D", 2.2)),
            Map.entry("22", new Specialty("A", 2.6)), Map.entry("23", new Specialty("A", 3.8)),
            Map.entry("31", new Specialty("J", 2.7)), Map.entry("32", new Specialty("M", 2.2)),
            Map.entry("33", new Specialty("L", 2.3)), Map.entry("34", new Specialty("N", 2.2)),
            Map.entry("35", new Specialty("G", 2.1)), Map.entry("36", new Specialty("R", 2.2)),
            Map.entry("37", new Specialty("D", 2.1)), Map.entry("41", new Specialty("Q", 2.1)),
            Map.entry("42", new Specialty("M", 2.2)), Map.entry("43", new Specialty("R", 2.3)),
            Map.entry("44", new Specialty("I", 2.3)), Map.entry("45", new Specialty("A", 2.7)),
            Map.entry("46", new Specialty("H", 3.1)), Map.entry("50", new Specialty("K", 2.3)),
            Map.entry("51", new Specialty("H", 2.2)), Map.entry("52", new Specialty("N", 2.4)),
            Map.entry("53", new Specialty("R", 2.5)), Map.entry("54", new Specialty("S", 2.6)),
            Map.entry("61", new Specialty("B", 2.7)), Map.entry("62", new Specialty("A", 2.7)),
            Map.entry("63", new Specialty("B", 3.0)), Map.entry("64", new Specialty("D", 2.7)),
            Map.entry("65", new Specialty("A", 3.4)));

    /** Provinces with a large resource sector (higher natural-resource dependence {@code nat}). */
    public static final List<String> RESOURCE_PROVINCES = List.of("14", "15", "23", "52", "61", "63", "64", "65");

    /**
     * National optical cable line length (10,000 km) 2008-2022, rounded figures of the MIIT communication
     * statistics bulletins; only the shape of the common growth path of {@code opt} is taken from them.
     */
    static final double[] NATIONAL_CABLE = {678, 829, 995, 1212, 1481, 1745, 2061, 2487, 3041, 3747, 4358, 4750, 5169, 5488, 5958};

    /** National year-end population 2008-2022 (10,000 persons, NBS). */
    static final double[] NATIONAL_POPULATION = {132802, 133450, 134091, 134735, 135404, 136072, 136782, 137462, 138271,
            139008, 139538, 140005, 141212, 141260, 141175};

    /**
     * National internet users at year end 2007-2022 (100 million persons), rounded CNNIC figures;
     * {@code net_users_nat_l1} of year t is the value of t - 1.
     */
    static final double[] NATIONAL_INTERNET_USERS = {2.10, 2.98, 3.84, 4.57, 5.13, 5.64, 6.18, 6.49, 6.88, 7.31, 7.72,
            8.29, 9.04, 9.89, 10.32, 10.67};

    /** Labels of the non-indicator variables, for descriptive tables. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("opt", "Optical cable line length per capita (index, 2008 national = 1)"),
            Map.entry("int", "Broadband access ports per capita (index, 2008 national = 1)"),
            Map.entry("bb_users", "Broadband users (10,000 subscribers)"),
            Map.entry("net_users", "Internet users (10,000 persons)"),
            Map.entry("net_users_nat_l1", "National internet users, previous year (100 million)"),
            Map.entry("post84", "Post offices per million residents, 1984"),
            Map.entry("fdi", "Foreign direct investment (% of GDP)"),
            Map.entry("urb", "Urbanisation rate (%)"),
            Map.entry("mar", "Marketisation index"),
            Map.entry("nat", "Natural-resource dependence (mining output, % of GDP)"),
            Map.entry("cul", "Public library holdings per capita (volumes)"),
            Map.entry("northeast", "North-east province (0/1)"));
}
