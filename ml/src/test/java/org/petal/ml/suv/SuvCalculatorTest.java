package org.petal.ml.suv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.testing.RealData;
import org.petal.ml.volume.SuvParameters;

class SuvCalculatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The single-instance input of upstream's unit tests, with the fields each test changes left as placeholders. */
    private static String unitTestInput(String units, int weight, String philips, String extra) {
        return """
            [{"CorrectedImage": ["ATTN", "DECY"], "Units": "%s", "RadionuclideHalfLife": 10,
              "RadiopharmaceuticalStartDateTime": "20201023095417", "RadionuclideTotalDose": 100,
              "DecayCorrection": "ADMIN", "PatientWeight": %d, "SeriesTime": "095417", "SeriesDate": "20201023",
              "AcquisitionTime": "095417", "AcquisitionDate": "20201023" %s %s}]
            """.formatted(units, weight, philips == null ? "" : ", \"PhilipsPETPrivateGroup\": " + philips, extra);
    }

    private static List<SuvScalingFactors> factors(String json) throws SuvNotComputableException {
        return SuvCalculator.scalingFactors(PetInstanceMetadata.listFromJson(json));
    }

    private static JsonNode expected() throws IOException {
        return JSON.readTree(RealData.require("calculate-suv/expected_suv_factors.json").toFile());
    }

    private static void assertRelativelyClose(double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected)).as("%s vs expected %s", actual, expected)
            .isLessThanOrEqualTo(tolerance * Math.abs(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"PHILIPS_BQML", "PHILIPS_CNTS_AND_BQML_SUV", "PHILIPS_CNTS_AND_SUV", "SIEMENS", "GE_MEDICAL_AND_BQML",
        "BQML_AC_DT_lessThan_S_DT_SIEMENS", "CPS_AND_BQML_AC_DT_-_S_DT", "RADIOPHARM_DATETIME_UNDEFINED"})
    void everyVendorSeriesGivesTheSuvbwFactorOfCalculateSuv(String key) throws IOException {
        double expectedFactor = expected().get("suvbw").get(key).asDouble();
        Path input = RealData.require("calculate-suv/test/metadata/" + key + "-instances.json");

        List<SuvScalingFactors> result = SuvCalculator.scalingFactors(PetInstanceMetadata.readJsonList(input));

        assertThat(result).hasSize(3);
        for (SuvScalingFactors f : result) {
            assertRelativelyClose(f.suvbw(), expectedFactor, 1e-6);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GE_MEDICAL_AND_BQML", "PHILIPS_BQML"})
    void seriesWithPatientSizeAlsoGiveTheLeanBodyMassAndSurfaceFactorsOfCalculateSuv(String key) throws IOException {
        JsonNode expected = expected().get("extra_outputs_not_asserted_upstream").get(key);
        Path input = RealData.require("calculate-suv/test/metadata/" + key + "-instances.json");

        SuvScalingFactors f = SuvCalculator.scalingFactors(PetInstanceMetadata.readJsonList(input)).get(0);

        assertRelativelyClose(f.suvbsa(), expected.get("suvbsa").asDouble(), 1e-6);
        assertRelativelyClose(f.suvlbm(), expected.get("suvlbm").asDouble(), 1e-6);
        assertRelativelyClose(f.suvlbmJanma(), expected.get("suvlbmJanma").asDouble(), 1e-6);
    }

    @Test
    void seriesWithoutPatientSizeHaveNoLeanBodyMassOrSurfaceFactors() throws IOException {
        Path input = RealData.require("calculate-suv/test/metadata/SIEMENS-instances.json");

        SuvScalingFactors f = SuvCalculator.scalingFactors(PetInstanceMetadata.readJsonList(input)).get(0);

        assertThat(f.suvlbm()).isNull();
        assertThat(f.suvlbmJanma()).isNull();
        assertThat(f.suvbsa()).isNull();
    }

    @Test
    void upstreamUnitVectorWithWeightSizeAndSexGivesAllFourFactors() throws IOException {
        JsonNode vector = expected().get("unit_tests_inline_inputs").get("bqml_weight75kg_size1.85m_male_dose100Bq_halflife10s_zero_decay");
        List<PetInstanceMetadata> input = List.of(PetInstanceMetadata.fromJson(vector.get("input").toString()));
        JsonNode want = vector.get("expected");

        SuvScalingFactors f = SuvCalculator.scalingFactors(input).get(0);

        assertRelativelyClose(f.suvbw(), want.get("suvbw").asDouble(), 1e-9);
        assertRelativelyClose(f.suvbsa(), want.get("suvbsa").asDouble(), 1e-9);
        assertRelativelyClose(f.suvlbm(), want.get("suvlbm").asDouble(), 1e-9);
        assertRelativelyClose(f.suvlbmJanma(), want.get("suvlbmJanma").asDouble(), 1e-9);
    }

    @Test
    void unitsGmlMeanTheValuesAreAlreadySuvbw() throws Exception {
        assertThat(factors(unitTestInput("GML", 100, "{\"SUVScaleFactor\": 0.000551, \"ActivityConcentrationScaleFactor\": 1.602563}", ""))
            .get(0).suvbw()).isEqualTo(1.0);
    }

    @Test
    void philipsCountsUseThePrivateSuvScaleFactorWhenPresent() throws Exception {
        assertThat(factors(unitTestInput("CNTS", 100, "{\"SUVScaleFactor\": 0.000551, \"ActivityConcentrationScaleFactor\": 1.602563}", ""))
            .get(0).suvbw()).isEqualTo(0.000551);
    }

    @Test
    void philipsCountsFallBackToActivityConcentrationScaleFactorTimesTheBqmlFactor() throws Exception {
        double f = factors(unitTestInput("CNTS", 100, "{\"SUVScaleFactor\": 0, \"ActivityConcentrationScaleFactor\": 1.602563}", ""))
            .get(0).suvbw();
        assertRelativelyClose(f, 1602.5629999999999, 1e-12);
    }

    @Test
    void leanBodyMassAndSurfaceAreaMatchUpstreamUnitValues() throws IOException {
        JsonNode v = expected().get("unit_tests_inline_inputs");
        assertRelativelyClose(BodySize.leanBodyMassJamesGrams(75, 1.85, "M"), v.get("lbm_James_weight75_size1.85_M").asDouble(), 1e-9);
        assertRelativelyClose(BodySize.leanBodyMassJamesGrams(75, 1.85, "F"), v.get("lbm_James_weight75_size1.85_F").asDouble(), 1e-9);
        assertRelativelyClose(BodySize.leanBodyMassJanmahasatianGrams(75, 1.85, "M"),
            v.get("lbm_Janmahasatian_weight75_size1.85_M").asDouble(), 1e-9);
        assertRelativelyClose(BodySize.leanBodyMassJanmahasatianGrams(75, 1.85, "F"),
            v.get("lbm_Janmahasatian_weight75_size1.85_F").asDouble(), 1e-9);
        assertRelativelyClose(BodySize.bodySurfaceAreaCm2(75, 1.85), v.get("bsa_weight75_size1.85").asDouble(), 1e-9);
    }

    @Test
    void imagesNotAttenuationAndDecayCorrectedAreRefused() {
        String json = unitTestInput("BQML", 100, null, "").replace("[\"ATTN\", \"DECY\"]", "[\"Blah\"]");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class).isInstanceOf(InvalidImageException.class)
            .hasMessageContaining("CorrectedImage (0028,0051) must contain \"ATTN\" and \"DECY\": Blah");
    }

    @Test
    void unknownUnitsAreRefused() {
        assertThatThrownBy(() -> factors(unitTestInput("Blah", 100, null, "")))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("Units (0054,1001) has an invalid value: Blah");
    }

    @Test
    void injectionAfterTheScanIsRefused() {
        String json = unitTestInput("BQML", 100, null, "").replace("\"20201023095417\"", "\"20201023115417\"");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("Decay time cannot be less than zero")
            .hasMessageContaining("RadiopharmaceuticalStartDateTime (0018,1078)");
    }

    @Test
    void zeroPatientWeightIsRefusedNamingTheTag() {
        assertThatThrownBy(() -> factors(unitTestInput("BQML", 0, null, "")))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessage("PatientWeight (0010,1030) is missing or zero: SUV cannot be computed");
    }

    @Test
    void instancesThatDisagreeOnSeriesLevelValuesAreRefused() {
        String one = unitTestInput("BQML", 100, null, "");
        String two = one.replace("\"RadionuclideHalfLife\": 10", "\"RadionuclideHalfLife\": 11");
        String both = one.strip().replaceAll("]$", ",") + two.strip().substring(1);
        assertThatThrownBy(() -> factors(both))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("The set of instances does not appear to come from one Series")
            .hasMessageContaining("RadionuclideHalfLife (0018,1075) is 10.0 in instance 1 but 11.0 in instance 2");
    }

    @Test
    void philipsCountsWithoutUsableScaleFactorsAreRefused() {
        assertThatThrownBy(() -> factors(unitTestInput("CNTS", 100, "{\"SUVScaleFactor\": 0, \"ActivityConcentrationScaleFactor\": 0}", "")))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("Units (0054,1001) are in CNTS, but PhilipsPETPrivateGroup has invalid values: "
                + "{\"SUVScaleFactor\":0,\"ActivityConcentrationScaleFactor\":0}")
            .hasMessageContaining("(7053,1000)").hasMessageContaining("(7053,1009)");
    }

    @Test
    void missingDoseIsRefusedNamingTheTag() {
        String json = unitTestInput("BQML", 100, null, "").replace("\"RadionuclideTotalDose\": 100,", "");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("RadionuclideTotalDose (0018,1074) is missing");
    }

    @Test
    void missingInjectionTimeIsRefusedNamingBothTags() {
        String json = unitTestInput("BQML", 100, null, "").replace("\"RadiopharmaceuticalStartDateTime\": \"20201023095417\",", "");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("RadiopharmaceuticalStartDateTime (0018,1078)")
            .hasMessageContaining("RadiopharmaceuticalStartTime (0018,1072)");
    }

    @Test
    void decayCorrectionAdminMeansTheDoseIsNotDecayed() throws Exception {
        // One half-life between injection and scan: START halves the dose, ADMIN must not.
        String admin = unitTestInput("BQML", 100, null, "").replace("\"SeriesTime\": \"095417\"", "\"SeriesTime\": \"095427\"")
            .replace("\"AcquisitionTime\": \"095417\"", "\"AcquisitionTime\": \"095427\"");
        String start = admin.replace("\"ADMIN\"", "\"START\"");
        assertRelativelyClose(factors(admin).get(0).suvbw(), 1000.0, 1e-12);
        assertRelativelyClose(factors(start).get(0).suvbw(), 2000.0, 1e-12);
    }

    @Test
    void decayCorrectionNoneContradictsDecyAndIsRefused() {
        String json = unitTestInput("BQML", 100, null, "").replace("\"ADMIN\"", "\"NONE\"");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("DecayCorrection (0054,1102) is NONE");
    }

    @Test
    void invalidSeriesTimeIsRefusedNamingTheTag() {
        String json = unitTestInput("BQML", 100, null, "").replace("\"SeriesTime\": \"095417\"", "\"SeriesTime\": \"09:54:17\"");
        assertThatThrownBy(() -> factors(json))
            .isInstanceOf(SuvNotComputableException.class)
            .hasMessageContaining("SeriesTime (0008,0031)");
    }

    @Test
    void realAcrinSlicesGiveTheFactorsOfTheNpmPackage() throws IOException {
        List<PetInstanceMetadata> one = PetInstanceMetadata.readJsonList(RealData.require("acrin-flt-breast-slices/derived/1.instance-metadata.json"));
        List<PetInstanceMetadata> two = PetInstanceMetadata.readJsonList(RealData.require("acrin-flt-breast-slices/derived/2.instance-metadata.json"));

        assertRelativelyClose(SuvCalculator.scalingFactors(one).get(0).suvbw(), 0.0005942485308008636, 1e-6);
        assertRelativelyClose(SuvCalculator.scalingFactors(two).get(0).suvbw(), 0.0004735489150917658, 1e-6);
    }

    @Test
    void suvParametersRecordWhatTheFactorWasMadeFrom() throws IOException {
        List<PetInstanceMetadata> one = PetInstanceMetadata.readJsonList(RealData.require("acrin-flt-breast-slices/derived/1.instance-metadata.json"));

        SuvParameters p = SuvCalculator.suvParameters(one);

        assertRelativelyClose(p.suvBwFactor(), 0.0005942485308008636, 1e-6);
        assertThat(p.patientWeightKg()).isEqualTo(69.7344);
        assertThat(p.patientHeightM()).isNull();
        assertThat(p.patientSex()).isEqualTo("F");
        assertThat(p.injectedDoseBq()).isEqualTo(178340011.59668);
        assertThat(p.injectionDateTime()).isEqualTo("1960-06-14T14:17");
        assertThat(p.scanDateTime()).isEqualTo("1960-06-14T15:23:16.921");
        assertThat(p.halfLifeSeconds()).isEqualTo(6586.2);
        assertThat(p.decayCorrection()).isEqualTo("START");
        assertThat(p.units()).isEqualTo("BQML");
        assertThat(p.source()).contains("SeriesDate/SeriesTime");
    }
}
