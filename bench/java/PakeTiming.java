import dev.p2pcopy.protocol.crypto.Pake;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import java.util.Arrays;

/**
 * Times the CPU cost of one EC-J-PAKE (both sides, rounds 1-3, in one thread): the first run in a
 * fresh JVM, as a CLI pays it, and the median of later runs. Network round trips come on top.
 */
public class PakeTiming {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long first = once();
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = once();
        }
        Arrays.sort(times);
        System.out.printf("pake first run (cold JVM): %.1f ms%n", first / 1e6);
        System.out.printf("pake median of %d warm runs: %.1f ms (p90 %.1f ms)%n",
                runs, times[runs / 2] / 1e6, times[runs * 9 / 10] / 1e6);
    }

    private static long once() throws Exception {
        long t0 = System.nanoTime();
        Pake send = new Pake("send", "receive", "4821-river-orbit-lamp");
        Pake receive = new Pake("receive", "send", "4821-river-orbit-lamp");
        Pake1 s1 = send.round1();
        Pake1 r1 = receive.round1();
        send.receive1(r1);
        receive.receive1(s1);
        Pake2 s2 = send.round2();
        Pake2 r2 = receive.round2();
        send.receive2(r2);
        receive.receive2(s2);
        Pake3 s3 = send.round3();
        Pake3 r3 = receive.round3();
        send.confirm(r3);
        receive.confirm(s3);
        return System.nanoTime() - t0;
    }
}
