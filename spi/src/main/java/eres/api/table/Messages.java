package eres.api.table;

import java.util.HashMap;
import java.util.Map;

/**
 * The generated words of publication tables in English and Chinese: notes, statistics rows, test names,
 * indicator rows, yes/no. Chinese follows the wording of Chinese economics journals (括号内为标准误,
 * 控制变量, 个体/时间固定效应, 观测值). A key missing in Chinese falls back to English.
 */
public final class Messages {
    private static final Map<String, String> EN = new HashMap<>();
    private static final Map<String, String> ZH = new HashMap<>();

    private Messages() {
    }

    private static void put(String key, String en, String zh) {
        EN.put(key, en);
        ZH.put(key, zh);
    }

    static {
        // notes: what is under each estimate
        put("detail.se", "Standard errors in parentheses", "括号内为标准误");
        put("detail.se-brackets", "Standard errors in brackets", "方括号内为标准误");
        put("detail.t", "t statistics in parentheses", "括号内为 t 值");
        put("detail.p", "p-values in parentheses", "括号内为 p 值");
        put("detail.ci", "%s%% confidence intervals in brackets", "方括号内为 %s%% 置信区间");
        put("stars.separator", ", ", "，");
        put("note.end", ".", "。");
        put("note.join", "; ", "；");
        // notes: standard errors
        put("se.all", "Standard errors: %s", "标准误：%s");
        put("se.columns", "Standard errors: %s", "标准误：%s");
        put("se.cluster", "clustered by %s (%s clusters)", "按 %s 聚类（%s 个聚类）");
        put("se.cluster-counts", "clustered by %s (%s clusters in %s)", "按 %s 聚类（%3$s 分别为 %2$s 个聚类）");
        put("se.cluster-unknown", "clustered by %s", "按 %s 聚类");
        put("se.robust", "heteroskedasticity-robust", "异方差稳健");
        put("se.conventional", "conventional (homoskedastic)", "常规（同方差）");
        put("se.information", "asymptotic (information matrix)", "渐近（信息矩阵）");
        put("se.bootstrap", "bootstrap", "自助法");
        put("se.driscoll-kraay", "Driscoll-Kraay (robust to cross-sectional dependence)", "Driscoll-Kraay（截面相关稳健）");
        put("se.other", "%s", "%s");
        put("column", "column %s", "第%s列");
        put("columns", "columns %s", "第%s列");
        // header lines
        put("head.dependent", "Dependent variable", "被解释变量");
        put("head.model", "Model", "模型");
        // tables across groups
        put("group.overall", "Overall", "全样本");
        put("group.title", ": estimates by group", "：分组估计");
        // indicators
        put("yes", "Yes", "是");
        put("no", "No", "否");
        put("indicator.controls", "Controls", "控制变量");
        put("indicator.fixed-effects", "Fixed effects", "固定效应");
        put("indicator.entity-effects", "Entity fixed effects", "个体固定效应");
        put("indicator.time-effects", "Time fixed effects", "时间固定效应");
        put("indicator.cluster", "Clustered by", "聚类变量");
        put("indicator.se", "Standard errors", "标准误类型");
        put("fe.entity", "Entity", "个体");
        put("fe.time", "Time", "时间");
        put("fe.twoways", "Entity and time", "个体和时间");
        put("fe.none", "None", "无");
        // statistics
        put("stat.nobs", "Observations", "观测值");
        put("stat.entities", "Entities", "个体数");
        put("stat.periods", "Periods", "时期数");
        put("stat.clusters", "Clusters", "聚类数");
        put("stat.r2", "R²", "R²");
        put("stat.r2-within", "R² (within)", "组内 R²");
        put("stat.r2-between", "R² (between)", "组间 R²");
        put("stat.r2-overall", "R² (overall)", "整体 R²");
        put("stat.r2-adjusted", "Adjusted R²", "调整后 R²");
        put("stat.corr2", "Squared correlation (fitted, observed)", "拟合值与观测值相关系数平方");
        put("stat.ssr", "Sum of squared residuals", "残差平方和");
        put("stat.sigma", "Residual standard deviation", "残差标准差");
        put("stat.loglik", "Log-likelihood", "对数似然值");
        put("stat.aic", "AIC", "AIC");
        put("stat.aicc", "AICc", "AICc");
        put("stat.bic", "BIC", "BIC");
        put("stat.threshold-1", "Threshold γ₁", "门槛值 γ₁");
        put("stat.threshold-2", "Threshold γ₂", "门槛值 γ₂");
        put("stat.threshold-3", "Threshold γ₃", "门槛值 γ₃");
        put("stat.bandwidth", "Bandwidth", "带宽");
        // regimes of threshold models (appended to the regime variable's label) and their note
        put("regime.lower", " (lower regime)", "（低门槛区间）");
        put("regime.middle", " (middle regime)", "（中门槛区间）");
        put("regime.middle-1", " (middle regime 1)", "（中门槛区间 1）");
        put("regime.middle-2", " (middle regime 2)", "（中门槛区间 2）");
        put("regime.upper", " (upper regime)", "（高门槛区间）");
        put("regime.note", "Regimes of the threshold variable %s: lower %s ≤ γ₁, middle γ₁ < %s ≤ γ₂, upper %s > γ₂ (%s > γ₁ in a"
                + " single-threshold model); γ̂ in the statistics rows",
                "门槛变量 %s 的区间：低区间 %s ≤ γ₁，中区间 γ₁ < %s ≤ γ₂，高区间 %s > γ₂（单一门槛模型中为 %s > γ₁）；门槛估计值见统计量行");
        put("regime.note.several", "Regimes of each column's threshold variable Th (%s): lower Th ≤ γ₁, middle γ₁ < Th ≤ γ₂,"
                + " upper Th > γ₂ (Th > γ₁ in a single-threshold model); γ̂ in the statistics rows",
                "各列门槛变量 Th（%s）的区间：低区间 Th ≤ γ₁，中区间 γ₁ < Th ≤ γ₂，高区间 Th > γ₂（单一门槛模型中为 Th > γ₁）；门槛估计值见统计量行");
        // spatial effects
        put("effect.direct", "Direct effect: %s", "直接效应：%s");
        put("effect.indirect", "Indirect effect: %s", "间接效应：%s");
        put("effect.total", "Total effect: %s", "总效应：%s");
        // short SE types in indicator rows
        put("ind.se.cluster", "Clustered", "聚类稳健");
        put("ind.se.robust", "Robust", "稳健");
        put("ind.se.conventional", "Conventional", "常规");
        put("ind.se.information", "ML (information matrix)", "极大似然（信息矩阵）");
        put("ind.se.bootstrap", "Bootstrap", "自助法");
        put("ind.se.driscoll-kraay", "Driscoll-Kraay", "Driscoll-Kraay");
        // tests (display names)
        put("test.model-f", "F test (all slopes zero)", "F 检验（斜率全为零）");
        put("test.entity-effects-f", "F test (no entity effects)", "F 检验（无个体效应）");
        put("test.breusch-pagan", "Breusch-Pagan χ²", "Breusch-Pagan 检验 χ²");
        put("test.breusch-pagan-koenker", "Koenker (studentised BP) χ²", "Koenker 稳健 BP 检验 χ²");
        put("test.wald-groupwise", "Wald χ² (groupwise heteroskedasticity)", "组间异方差 Wald 检验 χ²");
        put("test.first-stage-f", "First-stage F", "第一阶段 F 值");
        put("test.sanderson-windmeijer-f", "Sanderson-Windmeijer F", "Sanderson-Windmeijer F 值");
        put("test.angrist-pischke-f", "Angrist-Pischke F", "Angrist-Pischke F 值");
        put("test.anderson-lm", "Anderson canon. corr. LM", "Anderson 典型相关 LM 统计量");
        put("test.cragg-donald-f", "Cragg-Donald Wald F", "Cragg-Donald Wald F 统计量");
        put("test.kleibergen-paap-lm", "Kleibergen-Paap rk LM", "Kleibergen-Paap rk LM 统计量");
        put("test.kleibergen-paap-f", "Kleibergen-Paap rk Wald F", "Kleibergen-Paap rk Wald F 统计量");
        put("test.hansen-j", "Hansen J", "Hansen J 统计量");
        put("test.sargan", "Sargan", "Sargan 统计量");
        put("test.endogeneity-c", "Endogeneity C χ²", "内生性 C 检验 χ²");
        put("test.durbin", "Durbin χ²", "Durbin 检验 χ²");
        put("test.wu-hausman", "Wu-Hausman F", "Wu-Hausman 检验 F");
        put("test.anderson-rubin-f", "Anderson-Rubin F", "Anderson-Rubin F 值");
        put("test.anderson-rubin-chi2", "Anderson-Rubin χ²", "Anderson-Rubin χ²");
        put("test.stock-wright-s", "Stock-Wright S", "Stock-Wright S 统计量");
        put("test.threshold-single", "Single-threshold F", "单一门槛 F 值");
        put("test.threshold-double", "Double-threshold F", "双重门槛 F 值");
        put("test.threshold-triple", "Triple-threshold F", "三重门槛 F 值");
        put("test.sobel", "Sobel z", "Sobel 检验 z");
        put("test.aroian", "Aroian z", "Aroian 检验 z");
        put("test.goodman", "Goodman z", "Goodman 检验 z");
        put("test.bootstrap", "Bootstrap test of the indirect effect", "间接效应自助法检验");
        put("test.lm-lag", "LM (lag)", "LM 检验（滞后）");
        put("test.robust-lm-lag", "Robust LM (lag)", "稳健 LM 检验（滞后）");
        put("test.lm-error", "LM (error)", "LM 检验（误差）");
        put("test.robust-lm-error", "Robust LM (error)", "稳健 LM 检验（误差）");
        put("test.lr-sdm-vs-sar", "LR (SDM vs SAR)", "LR 检验（SDM 对 SAR）");
        put("test.wald-sdm-vs-sar", "Wald (SDM vs SAR)", "Wald 检验（SDM 对 SAR）");
        put("test.lr-sdm-vs-sem", "LR (SDM vs SEM)", "LR 检验（SDM 对 SEM）");
        put("test.wald-sdm-vs-sem", "Wald (SDM vs SEM)", "Wald 检验（SDM 对 SEM）");
        put("test.hausman", "Hausman χ²", "Hausman 检验 χ²");
        put("test.gwr-anova-f", "GWR ANOVA F", "GWR 方差分析 F 值");
        put("test.nonstationarity", "Non-stationarity (permutation p)", "非平稳性检验（置换 p 值）");
    }

    /** The text of {@code key} in {@code language}, formatted with {@code args} ({@code %s}). */
    public static String text(Language language, String key, Object... args) {
        String t = (language == Language.ZH ? ZH : EN).get(key);
        if (t == null) t = EN.get(key);
        if (t == null) throw new IllegalArgumentException("no message " + key);
        return args.length == 0 ? t : String.format(java.util.Locale.ROOT, t, args);
    }

    /** Whether a message exists. */
    public static boolean has(String key) {
        return EN.containsKey(key);
    }
}
