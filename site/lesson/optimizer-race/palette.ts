// How the race tells its racers apart, on the page (paths, markers, legend) and in the worker's loss chart alike.

/** A racer's colour: the race's palette by index (optimizer-race.css, light and dark). */
export const colorOf = (index: number) => `var(--race-${index % 9})`;

/** Each racer's dash pattern (by its index in the race), so a path is told apart without its colour. */
export const DASHES = ['', '7 3', '2 3', '9 3 2 3', '4 4', '12 4', '5 2 1 2', '1 4', '14 3 3 3'];
