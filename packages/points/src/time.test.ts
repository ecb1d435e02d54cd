import { describe, expect, it } from "vitest";
import { parseClock, parseInstant, weekMinuteClock } from "./time.js";

describe("parseInstant", () => {
  it.each([
    ["2012-04-23T18:25:43.511Z", Date.UTC(2012, 3, 23, 18, 25, 43, 511)],
    ["2012-04-23T18:25:43.511z", Date.UTC(2012, 3, 23, 18, 25, 43, 511)], // the reference's lowercase z
    ["2012-04-23T18:25:43.511+00:00", Date.UTC(2012, 3, 23, 18, 25, 43, 511)],
    ["2012-04-23T20:25:43.511+02:00", Date.UTC(2012, 3, 23, 18, 25, 43, 511)],
    ["2012-04-23T13:25-0500", Date.UTC(2012, 3, 23, 18, 25)],
    ["2012-04-23T18:25:43.511999Z", Date.UTC(2012, 3, 23, 18, 25, 43, 511)], // beyond milliseconds: dropped
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
  ])("%s", (text, expected) => {
    expect(parseInstant(text)).toBe(expected);
  });

  it("accepts years 1900 to 9999 in UTC, and nothing outside (Date.UTC would read 0099 as 1999)", () => {
    expect(parseInstant("1900-01-01T00:00:00Z")).toBe(Date.UTC(1900, 0, 1));
    expect(new Date(parseInstant("9999-12-31T23:59:59.999Z")!).toISOString()).toBe("9999-12-31T23:59:59.999Z");
    for (const text of [
      "0099-01-01T00:00:00Z",
      "0000-01-01T00:00:00Z",
      "1899-12-31T23:59:59.999Z",
      "1900-01-01T00:30:00+01:00",
      "9999-12-31T23:00:00-05:00",
    ])
      expect(parseInstant(text), text).toBeUndefined();
  });

  it.each([
    "2012-04-23T18:25:43.511", // no offset: local time of where?
    "2012-04-23",
    "2012-02-30T10:00:00Z", // Date.parse would roll this over to 1 March
    "2023-02-29T10:00:00Z",
    "2012-13-01T10:00:00Z",
    "2012-04-23T24:00:00Z",
    "2012-04-23T18:60:00Z",
    "2012-04-23T18:25:43+24:00",
    "1335205543511",
    "Mon, 23 Apr 2012 18:25:43 GMT",
  ])("refuses %s", (text) => {
    expect(parseInstant(text)).toBeUndefined();
  });
});

describe("parseClock", () => {
  it("reads HH:MM as minutes since midnight", () => {
    expect(parseClock("00:00")).toBe(0);
    expect(parseClock("22:30")).toBe(1350);
    expect(parseClock("23:59")).toBe(1439);
    for (const bad of ["24:00", "9:00", "12:60", "12:00:00", ""]) expect(parseClock(bad), bad).toBeUndefined();
  });
});

describe("weekMinuteClock", () => {
  it("reads the local weekday and time, daylight saving included", () => {
    const newYork = weekMinuteClock("America/New_York");
    // 2024-03-10 is a Sunday (day 6): 06:30Z is 01:30 EST, 07:30Z is 03:30 EDT (02:30 never happens).
    expect(newYork(Date.UTC(2024, 2, 10, 6, 30))).toBe(6 * 1440 + 90);
    expect(newYork(Date.UTC(2024, 2, 10, 7, 30))).toBe(6 * 1440 + 210);
    // Monday 2024-03-11 00:30 in Berlin is still Sunday 23:30 in UTC.
    expect(weekMinuteClock("Europe/Berlin")(Date.UTC(2024, 2, 10, 23, 30))).toBe(30);
    expect(weekMinuteClock("UTC")(Date.UTC(2024, 2, 10, 23, 30))).toBe(6 * 1440 + 1410);
  });

  it("refuses an unknown time zone", () => {
    expect(() => weekMinuteClock("Mars/Olympus_Mons")).toThrow(RangeError);
  });
});
