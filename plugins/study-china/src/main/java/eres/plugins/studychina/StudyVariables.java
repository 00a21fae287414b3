package eres.plugins.studychina;

import java.util.List;
import java.util.Map;

/**
 * The variables of the synthetic study panel as the study defines them (Jiao, Chen &amp; Li 2025; the
 * definitions and units are transcribed in {@code docs/synthetic-data.md} from the published tables):
 * names, the paper's symbols, units, and the fixed numbers that set their levels.
 */
public final class StudyVariables {
    private StudyVariables() {
    }

    /**
     * A resilience indicator of the study's Table 1: {@code x = low + span * q}, where q is latent
     * resilience plus the indicator's own province profile and noise (index units), rounded to
     * {@code decimals}.
     *
     * @param name          column name
     * @param label         the study's indicator and unit
     * @param pillar        the criterion layer (the study's two pillars)
     * @param criterion     the study's criterion name
     * @param publishedWeight the SD-G1 weight the study reports (Table 1), for comparison only
     */
    public record Indicator(String name, String label, String pillar, String criterion, double low, double span, int decimals,
                            double publishedWeight) {
    }

    /** The study's two pillars (criterion layers of Table 1), in order. */
    public static final List<String> PILLARS = List.of("Resistance and recovery", "Reconstruction and renewal");

    /**
     * The twelve indicators of the study's Table 1 in table order, all positive. Levels: {@code low}
     * is the value at q = 0 (about the smallest province-year), {@code low + span} at q = 1 (about the
     * largest), in the study's units.
     */
    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("gdp_pc", "Per capita GDP (yuan)", "Resistance and recovery", "Economic level", 16000, 150000, 0, 0.0909),
            new Indicator("urban_emp", "Employed persons in urban units (10,000)", "Resistance and recovery", "Employment level", 20, 2100,
                    2, 0.0904),
            new Indicator("budget_rev", "Local general budget revenue (billion yuan)", "Resistance and recovery", "Government finance", 2.5,
                    1500, 2, 0.0850),
            new Indicator("ui_insured", "Participants in unemployment insurance (persons)", "Resistance and recovery", "Social security",
                    60000, 38000000, 0, 0.0723),
            new Indicator("pollution_inv", "Completed investment in industrial pollution control (10,000 yuan)", "Resistance and recovery",
                    "Environmental protection", 2000, 1400000, 0, 0.0668),
            new Indicator("freight", "Freight turnover (100 million ton-km)", "Resistance and recovery", "Public transport", 40, 30000, 1,
                    0.0855),
            new Indicator("large_firms", "Large and medium industrial enterprises (number)", "Resistance and recovery", "Industrial foundation",
                    20, 12000, 0, 0.0925),
            new Indicator("rd_funds", "R&D funds of industrial enterprises above designated size (10,000 yuan)", "Reconstruction and renewal",
                    "R&D investment", 3000, 40000000, 0, 0.0722),
            new Indicator("fin_va", "Value added of finance (billion yuan)", "Reconstruction and renewal", "Financial development", 5, 1400,
                    2, 0.0788),
            new Indicator("edu_exp", "Local fiscal education expenditure (billion yuan)", "Reconstruction and renewal",
                    "Education investment", 5, 450, 2, 0.0798),
            new Indicator("new_private", "Newly established private enterprises per 10,000 people", "Reconstruction and renewal",
                    "Entrepreneurial vitality", 8, 160, 2, 0.0814),
            new Indicator("students", "Students enrolled in regular higher education (10,000)", "Reconstruction and renewal", "Human capital",
                    3, 280, 2, 0.1042));

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
     * that quotient (the province intercept of the specialization equation). The study's Spe ranges from
     * 1.2 to 15.0 with mean 3.0 and sd 2.4: a few provinces are extremely specialised (state farms in
     * Heilongjiang and Xinjiang, mining in Shanxi and Inner Mongolia), most are not.
     */
    public record Specialty(String section, double baseQuotient) {
    }

    /** Specialties by province code: stylised, loosely following each province's economic profile. */
    public static final Map<String, Specialty> SPECIALTIES = Map.ofEntries(
            Map.entry("11", new Specialty("I", 4.2)), Map.entry("12", new Specialty("G", 1.6)),
            Map.entry("13", new Specialty("D", 1.6)), Map.entry("14", new Specialty("B", 6.4)),
            Map.entry("15", new Specialty("B", 5.0)), Map.entry("21", new Specialty("D", 1.6)),
            Map.entry("22", new Specialty("A", 4.0)), Map.entry("23", new Specialty("A", 13.5)),
            Map.entry("31", new Specialty("J", 2.1)), Map.entry("32", new Specialty("M", 1.6)),
            Map.entry("33", new Specialty("L", 1.6)), Map.entry("34", new Specialty("N", 1.6)),
            Map.entry("35", new Specialty("G", 1.6)), Map.entry("36", new Specialty("R", 1.6)),
            Map.entry("37", new Specialty("D", 1.6)), Map.entry("41", new Specialty("Q", 1.6)),
            Map.entry("42", new Specialty("M", 1.6)), Map.entry("43", new Specialty("R", 1.6)),
            Map.entry("44", new Specialty("I", 1.6)), Map.entry("45", new Specialty("A", 2.6)),
            Map.entry("46", new Specialty("A", 6.5)), Map.entry("50", new Specialty("K", 1.6)),
            Map.entry("51", new Specialty("H", 1.6)), Map.entry("52", new Specialty("N", 1.7)),
            Map.entry("53", new Specialty("A", 2.6)), Map.entry("54", new Specialty("S", 2.4)),
            Map.entry("61", new Specialty("B", 2.8)), Map.entry("62", new Specialty("A", 3.2)),
            Map.entry("63", new Specialty("B", 3.6)), Map.entry("64", new Specialty("D", 2.4)),
            Map.entry("65", new Specialty("A", 10.0)));

    /** Provinces with a large resource sector. */
    public static final List<String> RESOURCE_PROVINCES = List.of("14", "15", "23", "52", "61", "63", "64", "65");

    /**
     * National optical cable line length (10,000 km) 2008-2022, rounded figures of the MIIT communication
     * statistics bulletins: the common growth path of every province's cable network.
     */
    static final double[] NATIONAL_CABLE = {678, 829, 995, 1212, 1481, 1745, 2061, 2487, 3041, 3747, 4358, 4750, 5169, 5488, 5958};

    /** National year-end population 2008-2022 (10,000 persons, NBS). */
    static final double[] NATIONAL_POPULATION = {132802, 133450, 134091, 134735, 135404, 136072, 136782, 137462, 138271,
            139008, 139538, 140005, 141212, 141260, 141175};

    /** National internet users at year end 2008-2022 (100 million persons), rounded CNNIC figures. */
    static final double[] NATIONAL_INTERNET_USERS = {2.98, 3.84, 4.57, 5.13, 5.64, 6.18, 6.49, 6.88, 7.31, 7.72, 8.29, 9.04, 9.89,
            10.32, 10.67};

    /**
     * The study's symbols (the labels of every table) of the panel's columns and of the chain's log
     * columns ({@code ln_opt} is what the study calls Opt: its tables report the logs).
     */
    public static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("eres", "Eres"), Map.entry("ln_opt", "Opt"), Map.entry("ln_int", "Int"), Map.entry("ln_fdi", "FDI"),
            Map.entry("ln_urb", "Urb"), Map.entry("ln_mar", "Mar"), Map.entry("ln_nat", "Nat"), Map.entry("ln_cul", "Cul"),
            Map.entry("div", "Div"), Map.entry("spe", "Spe"), Map.entry("iv", "iv"), Map.entry("ln_bb_users", "Broadband users"));

    /** Labels and units of the non-indicator columns. */
    public static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("opt", "Opt: length of optical cable lines (10,000 km)"),
            Map.entry("int", "Int: internet broadband access ports (10,000)"),
            Map.entry("bb_users", "Internet broadband users (10,000 subscribers)"),
            Map.entry("net_users", "Internet users (10,000 persons)"),
            Map.entry("post84", "Post offices per million people, 1984"),
            Map.entry("fdi", "FDI: import and export of foreign-invested enterprises (billion yuan)"),
            Map.entry("urb", "Urb: urban population density (100 people per km2)"),
            Map.entry("mar", "Mar: total retail sales of consumer goods (billion yuan)"),
            Map.entry("nat", "Nat: water resources per capita (m3 per person)"),
            Map.entry("cul", "Cul: total circulation of public libraries (10,000)"),
            Map.entry("northeast", "North-east province (0/1)"));
}
