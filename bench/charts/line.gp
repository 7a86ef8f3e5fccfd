# gnuplot's side of the chart benchmark: the same 1200 x 600 line chart with its libgd "png" terminal.
# Call as: gnuplot -e "n=50; dir='/tmp/chart-bench'; target=120" line.gp
# Writes each chart over dir/gnuplot.png and each chart's milliseconds to dir/gnuplot-times.txt.
set terminal png size 1200,600 truecolor font "DejaVu Sans,10" linewidth 1
set datafile separator "\t"
set title "Cases awaiting allocation\nNumber, monthly, April 2017 to July 2020" left font "DejaVu Sans Bold,12"
set key off
set border 1 lc rgb "#6F777B"
set grid ytics lc rgb "#E1E1E1" lw 1 dt 1
set ytics nomirror
set xtics nomirror scale 0.5
set yrange [0:250]
set xrange [-0.5:39.5]
set label 1 "Target 120" at 39.6, target left
set label 2 "Source: Benchmark data" at screen 0.01, 0.02 left font "DejaVu Sans,9" tc rgb "#505A5F"
set bmargin 4
set rmargin 12
set print dir."/gnuplot-times.txt"
do for [i=1:n] {
    t0 = time(0.0)
    set output dir."/gnuplot.png"
    plot dir."/data.tsv" using 0:3:xticlabels(int($0) % 3 == 0 ? stringcolumn(2) : "") every ::1 \
             with linespoints lw 2.5 pt 7 ps 0.9 lc rgb "#12436D", \
         target with lines dt 2 lw 2 lc rgb "#0B0C0C"
    unset output
    print sprintf("%.3f", (time(0.0) - t0) * 1000)
}
set print
