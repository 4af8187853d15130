/** Human date labels, fixed English names so output never depends on the machine's locale. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "01" → "January". */
export function monthName(month: string): string {
  return MONTHS[Number(month) - 1] ?? month;
}

/** "2024-01-30" → "30 January 2024". */
export function formatDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${monthName(date.slice(5, 7))} ${date.slice(0, 4)}`;
}
