package eres.plugins.studychina;

import eres.api.DatasetProvider;
import eres.api.NoParameters;
import eres.api.data.Geography;
import eres.api.data.ProvidedDataset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * {@code data: {source: nbs}}: the real NBS provincial panel, 31 provinces x 2008-2022, as bundled
 * (provenance in {@code eres-data/china/PROVENANCE.md}), with the provinces' geography. Also the
 * geography of any data file whose entities are province codes.
 */
@Extension
public final class NbsDataset implements DatasetProvider<NoParameters> {
    static final String FILE = "panel_2008_2022.csv";

    @Override
    public String id() {
        return "nbs";
    }

    @Override
    public String description() {
        return "Real NBS provincial panel, 31 provinces 2008-2022 (National Bureau of Statistics of China)";
    }

    @Override
    public Class<NoParameters> parameterType() {
        return NoParameters.class;
    }

    @Override
    public ProvidedDataset load(NoParameters options) {
        String text = Provinces.resource(FILE);
        return new ProvidedDataset(BundledCsv.parse(FILE, text), "code", "year", "region", Provinces.geography(),
                "embedded:nbs/" + FILE, Hashes.sha256(text), false,
                "Real NBS provincial panel 2008-2022 (National Bureau of Statistics of China, data.stats.gov.cn)", List.of(), Map.of());
    }

    @Override
    public Optional<Geography> geography(Collection<String> entities) {
        return provinceGeography(entities);
    }

    /** The provinces' geography when every entity is a province code (GB/T 2260 two-digit). */
    static Optional<Geography> provinceGeography(Collection<String> entities) {
        if (entities.isEmpty()) return Optional.empty();
        Geography g = Provinces.geography();
        return g.locations().keySet().containsAll(entities) ? Optional.of(g) : Optional.empty();
    }
}
