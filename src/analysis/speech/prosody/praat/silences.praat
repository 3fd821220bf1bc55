# Reference pauses for Candor's pause tests: Praat's silence detection on a sound file.
#   praat --run silences.praat in.wav out.txt
# Intensity (minimum pitch 100 Hz, time step 0 = auto, subtract mean), then
# Intensity: To TextGrid (silences): threshold -25 dB re the maximum, minimum silent interval
# 0.25 s, minimum sounding interval 0.1 s. Writes "intensity <start> <end> <label>" per interval,
# then the same for Sound: To TextGrid (silences) with the same parameters, which band-filters the
# sound (80-8000 Hz) before its intensity: "sound <start> <end> <label>".
form Silences
  sentence In_file
  sentence Out_file
endform

sound = Read from file: in_file$
intensity = To Intensity: 100, 0, "yes"
grid = To TextGrid (silences): -25, 0.25, 0.1, "silent", "sounding"
out$ = ""
@intervals: "intensity"
selectObject: sound
grid = To TextGrid (silences): 100, 0, -25, 0.25, 0.1, "silent", "sounding"
@intervals: "sound"
writeFile: out_file$, out$

procedure intervals: .kind$
  selectObject: grid
  .n = Get number of intervals: 1
  for .i to .n
    .a = Get start time of interval: 1, .i
    .b = Get end time of interval: 1, .i
    .label$ = Get label of interval: 1, .i
    out$ = out$ + .kind$ + " " + fixed$ (.a, 6) + " " + fixed$ (.b, 6) + " " + .label$ + newline$
  endfor
endproc
