package dev.p2pcopy.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.p2pcopy.protocol.frame.ProtocolException;
import dev.p2pcopy.protocol.message.Pake1;
import dev.p2pcopy.protocol.message.Pake2;
import dev.p2pcopy.protocol.message.Pake3;
import dev.p2pcopy.protocol.message.PakeProof;
import org.junit.jupiter.api.Test;

class PakeTest {
    private static final String CODE = "4821-river-orbit-lamp";

    @Test
    void theSameCodeGivesBothSidesTheSameSecret() throws Exception {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", CODE);
        runRounds12(send, receive);

        assertThat(send.secret()).hasSize(32).isEqualTo(receive.secret());
        Pake3 fromSend = send.round3();
        Pake3 fromReceive = receive.round3();
        send.confirm(fromReceive);
        receive.confirm(fromSend);
    }

    @Test
    void aDifferentCodeFailsKeyConfirmationOnBothSides() throws Exception {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", "4821-river-orbit-lamb");
        runRounds12(send, receive);

        assertThat(send.secret()).isNotEqualTo(receive.secret());
        Pake3 fromSend = send.round3();
        Pake3 fromReceive = receive.round3();
        assertThatThrownBy(() -> send.confirm(fromReceive)).isInstanceOf(CodeMismatchException.class);
        assertThatThrownBy(() -> receive.confirm(fromSend)).isInstanceOf(CodeMismatchException.class);
    }

    @Test
    void aForgedProofIsRefused() {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", CODE);
        Pake1 honest = send.round1();
        Pake1 other = new Pake("send", "receive", CODE).round1();
        Pake1 forged = new Pake1(honest.gx1(), honest.gx2(), other.proof1(), honest.proof2());

        assertThatThrownBy(() -> receive.receive1(forged)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aPointOffTheCurveIsRefused() {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", CODE);
        Pake1 honest = send.round1();
        String offCurve = "A" + "B".repeat(43); // 0x00-prefixed 33 bytes: not a valid SEC1 encoding
        Pake1 bad = new Pake1(offCurve, honest.gx2(), honest.proof1(), honest.proof2());

        assertThatThrownBy(() -> receive.receive1(bad)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void aReplayedRoundTwoFromAnotherSessionIsRefused() throws Exception {
        Pake send = new Pake("send", "receive", CODE);
        Pake receive = new Pake("receive", "send", CODE);
        exchangeRound1(send, receive);

        Pake otherSend = new Pake("send", "receive", CODE);
        exchangeRound1(otherSend, new Pake("receive", "send", CODE));
        Pake2 stale = otherSend.round2();

        receive.round2();
        assertThatThrownBy(() -> receive.receive2(stale)).isInstanceOf(ProtocolException.class);
    }

    @Test
    void proofFieldsAreChecked() {
        assertThatThrownBy(() -> new PakeProof("short", "AQ==")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pake3("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void exchangeRound1(Pake send, Pake receive) throws Exception {
        Pake1 s1 = send.round1();
        Pake1 r1 = receive.round1();
        send.receive1(r1);
        receive.receive1(s1);
    }

    private static void runRounds12(Pake send, Pake receive) throws Exception {
        exchangeRound1(send, receive);
        Pake2 s2 = send.round2();
        Pake2 r2 = receive.round2();
        send.receive2(r2);
        receive.receive2(s2);
    }
}
