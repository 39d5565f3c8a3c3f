const d = new Date(Date.UTC(2026, 11, 6, 11, 53, 2, 7));
console.log(d.getFullYear(), d.getMonth(), d.getDate(), d.getDay(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
console.log(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getYear());
console.log(d.setMinutes(75), d.toISOString());
console.log(d.setHours(25, 61, 61, 1001), d.toISOString());
console.log(d.setUTCDate(0), d.toISOString(), d.setMonth(1, 29), d.toISOString());
console.log(d.setFullYear(2024, 1, 29), d.toISOString(), d.setUTCFullYear(2023), d.toISOString());
console.log(d.setTime(1e12), d.toISOString(), d.setMilliseconds(-1), d.toISOString());
const bad = new Date(NaN);
console.log(bad.setHours(1), bad.getTime(), bad.setFullYear(2020), bad.toISOString());
console.log(new Date(2026, 0, 1).setYear(99), new Date(0).setSeconds());
// DST in America/New_York: the gap and the repeated hour.
console.log(new Date(2026, 2, 8, 2, 30).toString(), new Date(2026, 10, 1, 1, 30).toString());
console.log(new Date(2026, 2, 8, 12).getTimezoneOffset(), new Date(2026, 2, 7, 12).getTimezoneOffset());
