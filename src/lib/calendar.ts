/**
 * Month and weekday names, once, in English as mail and citations write them: "June", "Jun",
 * "jun" (BibTeX), "Thu". Pure.
 */
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A month's name, 1 = January; '' outside 1–12. */
export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** A month's three-letter name, 1 = Jan; '' outside 1–12. */
export function monthAbbr(month: number): string {
  return monthName(month).slice(0, 3);
}

/** The month a name or any prefix of it names, in any case ("jun", "JUNE"); 0 if none. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase();
  if (lower === '') return 0;
  return MONTH_NAMES.findIndex((full) => full.toLowerCase().startsWith(lower)) + 1;
}

/** A weekday's three-letter name, 0 = Sun (as `Date#getUTCDay` counts). */
export function dayAbbr(day: number): string {
  return (DAY_NAMES[day] ?? '').slice(0, 3);
}
