import { describe, expect, it } from "vitest";
import { needsQuotes } from "./yaml-plain-resolution.js";

describe("needsQuotes", () => {
  it.each`
    text                                      | expected
    ${"nginx"}                                | ${false}
    ${""}                                     | ${true}
    ${"yes"}                                  | ${true}
    ${"Off"}                                  | ${true}
    ${"y"}                                    | ${true}
    ${"yeah"}                                 | ${false}
    ${"~"}                                    | ${true}
    ${"NULL"}                                 | ${true}
    ${"1"}                                    | ${true}
    ${"-1"}                                   | ${true}
    ${"0x1F"}                                 | ${true}
    ${"0o17"}                                 | ${true}
    ${"0b101"}                                | ${true}
    ${"08"}                                   | ${true}
    ${"1_000"}                                | ${true}
    ${"1e5"}                                  | ${true}
    ${"1e400"}                                | ${false}
    ${".5"}                                   | ${true}
    ${".inf"}                                 | ${true}
    ${"."}                                    | ${false}
    ${"12345678901234567890"}                 | ${true}
    ${"0x1ffffffffffffffff"}                  | ${false}
    ${"2026-11-29T19:21:30Z"}                 | ${true}
    ${"2024-1-2"}                             | ${true}
    ${"2024-1-2 3:4:5"}                       | ${true}
    ${"2024-02-30"}                           | ${false}
    ${"2024-02-29"}                           | ${true}
    ${"2023-02-29"}                           | ${false}
    ${"2024-01-02T03:04:05+25:00"}            | ${false}
    ${"1:20"}                                 | ${true}
    ${"1:60"}                                 | ${false}
    ${"<<"}                                   | ${false}
    ${"cc9e6e06-4254-4f62-a2b5-c3ed1ebc59ea"} | ${false}
    ${"03821233-6d2b-4bf4-b7a9-8f976b3af0b0"} | ${false}
  `("reports $expected for $text", ({ text, expected }) => {
    expect(needsQuotes(text)).toBe(expected);
  });
});
