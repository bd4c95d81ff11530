// What a student reads when the watchdog around a run stops it: the page's checking worker and the
// grading CLI's sandbox both have one, so both say it in these words. (The runner itself, which runs
// inside them and imports nothing, cannot know it was stopped.)

/** The code ran past its time limit of `seconds`. */
export function timedOutMessage(seconds: number): string {
  return `Stopped after ${seconds} s: your code did not finish. Does a loop never end?`;
}
