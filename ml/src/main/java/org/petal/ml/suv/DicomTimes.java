package org.petal.ml.suv;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * DICOM DA / TM / DT strings → seconds on a wall-clock time line, reproducing the parsing of
 * {@code @cornerstonejs/calculate-suv} 1.1.0 so that decay times (and hence factors) agree with it.
 *
 * <p>Times carry no time zone: both injection and scan times are read as the same local wall clock, which
 * is what every DICOM SUV recipe assumes. TM fractions are read from character 7 on (the position after
 * "HHMMSS."), as upstream does.
 *
 * <p>One upstream bug is deliberately <em>not</em> copied: upstream turns the microsecond count into text and
 * right-pads it to six digits, so a fraction with leading zeros loses them (".051370" would count as
 * 0.5137 s, an error of up to a second in the decay time). Petal adds the fraction as microseconds. None of
 * the reference vectors has such a fraction, so they still agree to 1e-6 relative; a test pins the
 * corrected behaviour.
 */
final class DicomTimes {

    private DicomTimes() {}

    /** Thrown for text that is not a valid DA or TM; callers turn it into a message naming the tag. */
    static final class InvalidValue extends Exception {
        InvalidValue(String message) {
            super(message);
        }
    }

    /** Seconds since 1970-01-01T00:00 (wall clock) for a DA and a TM string. */
    static double seconds(String da, String tm) throws InvalidValue {
        int[] date = parseDa(da);
        Time time = parseTm(tm);
        return combine(date, time);
    }

    /** Seconds for a DT string: its first 8 characters are read as DA, the rest as TM (upstream rule). */
    static double secondsOfDateTime(String dt) throws InvalidValue {
        if (dt == null || dt.length() < 8) {
            throw new InvalidValue("not a valid DICOM DT: '" + dt + "'");
        }
        return combine(parseDa(dt.substring(0, 8)), parseTm(dt.substring(8)));
    }

    /** ISO-8601 local date-time of a value returned by {@link #seconds}, for display in SuvParameters. */
    static String iso(double seconds) {
        // Rounded to microseconds, the finest DICOM TM precision, so float noise does not show.
        long micros = Math.round(seconds * 1e6);
        long whole = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(whole, nanos, ZoneOffset.UTC).toString();
    }

    private record Time(int hours, Integer minutes, Integer seconds, Long microseconds) {}

    private static int[] parseDa(String da) throws InvalidValue {
        if (da == null || da.length() != 8) {
            throw new InvalidValue("not a valid DICOM DA (YYYYMMDD): '" + da + "'");
        }
        Long y = jsParseInt(da.substring(0, 4));
        Long m = jsParseInt(da.substring(4, 6));
        Long d = jsParseInt(da.substring(6, 8));
        if (y == null || m == null || d == null || m < 1 || m > 12 || d < 1 || d > daysInMonth(m.intValue(), y)) {
            throw new InvalidValue("not a valid DICOM DA (YYYYMMDD): '" + da + "'");
        }
        return new int[] {y.intValue(), m.intValue(), d.intValue()};
    }

    private static int daysInMonth(int month, long year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static final long ABSENT = Long.MIN_VALUE;

    private static Time parseTm(String tm) throws InvalidValue {
        if (tm == null || tm.length() < 2) {
            throw new InvalidValue("not a valid DICOM TM (HHMMSS.FFFFFF): '" + tm + "'");
        }
        Long hh = jsParseInt(tm.substring(0, 2));
        Long mm = tm.length() >= 4 ? jsParseInt(tm.substring(2, 4)) : Long.valueOf(ABSENT);
        Long ss = tm.length() >= 6 ? jsParseInt(tm.substring(4, 6)) : Long.valueOf(ABSENT);
        Long micros = null;
        boolean hasFraction = tm.length() >= 8;
        if (hasFraction) {
            String fraction = tm.substring(7, Math.min(13, tm.length()));
            Long digits = jsParseInt(fraction);
            micros = digits == null ? null : digits * pow10(6 - fraction.length());
        }
        // ABSENT marks "absent" (upstream: undefined); null marks "not a number" (upstream: NaN).
        boolean invalid = hh == null || mm == null || ss == null || (hasFraction && micros == null)
            || hh < 0 || hh > 23
            || (mm != ABSENT && (mm < 0 || mm > 59))
            || (ss != ABSENT && (ss < 0 || ss > 59))
            || (micros != null && (micros < 0 || micros > 999_999));
        if (invalid) {
            throw new InvalidValue("not a valid DICOM TM (HHMMSS.FFFFFF): '" + tm + "'");
        }
        return new Time(hh.intValue(), mm == ABSENT ? null : mm.intValue(), ss == ABSENT ? null : ss.intValue(), micros);
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }

    private static double combine(int[] date, Time time) {
        double seconds = LocalDate.of(date[0], date[1], date[2]).toEpochDay() * 86400.0;
        seconds += time.hours() * 3600;
        seconds += (time.minutes() == null ? 0 : time.minutes()) * 60;
        seconds += time.seconds() == null ? 0 : time.seconds();
        seconds += time.microseconds() == null ? 0 : time.microseconds() / 1e6;
        return seconds;
    }

    /** JavaScript {@code parseInt(s, 10)}: optional leading blanks and sign, then digits; null for NaN. */
    static Long jsParseInt(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 18) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return null;
        }
        return negative ? -value : value;
    }
}
