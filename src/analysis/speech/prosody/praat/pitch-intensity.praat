# Reference analysis for Candor's prosody tests and bench: Praat's own pitch and intensity of a
# sound file with the defaults Candor reproduces.
#   praat --run pitch-intensity.praat in.wav out.txt
# Writes one line per frame: "pitch <time> <f0 Hz, 0 = unvoiced>" and "intensity <time> <dB>",
# then "seconds pitch <s>" and "seconds intensity <s>" (Praat's own analysis time, no file I/O).
form Pitch and intensity
  sentence In_file
  sentence Out_file
endform

sound = Read from file: in_file$

stopwatch
selectObject: sound
# time step 0 (auto), floor 75, 15 candidates, very accurate off, silence 0.03, voicing 0.45,
# octave cost 0.01, octave-jump cost 0.35, voiced/unvoiced cost 0.14, ceiling 600
pitch = To Pitch (ac): 0, 75, 15, "no", 0.03, 0.45, 0.01, 0.35, 0.14, 600
pitchSeconds = stopwatch

selectObject: sound
# minimum pitch 100 Hz, time step 0 (auto), subtract mean
intensity = To Intensity: 100, 0, "yes"
intensitySeconds = stopwatch

out$ = ""
selectObject: pitch
n = Get number of frames
for i to n
  t = Get time from frame number: i
  f = Get value in frame: i, "Hertz"
  if f = undefined
    f = 0
  endif
  out$ = out$ + "pitch " + fixed$ (t, 9) + " " + fixed$ (f, 6) + newline$
endfor

selectObject: intensity
n = Get number of frames
for i to n
  t = Get time from frame number: i
  v = Get value in frame: i
  out$ = out$ + "intensity " + fixed$ (t, 9) + " " + fixed$ (v, 6) + newline$
endfor

out$ = out$ + "seconds pitch " + fixed$ (pitchSeconds, 6) + newline$
out$ = out$ + "seconds intensity " + fixed$ (intensitySeconds, 6) + newline$
writeFile: out_file$, out$
