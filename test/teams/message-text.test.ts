// messageText: a Teams message's HTML → bounded plain text for the intake parser, in linear work.
import { strict as assert } from 'node:assert';
import { MAX_INTAKE_LENGTH } from '../../bot/program';
import { messageText } from '../../bot/teams/extensions/message-text';

describe('teams extensions: messageText', () => {
  it('drops scripts, styles, head and comments in any case, keeps table cells on their line', () => {
    const { text, cut } = messageText(
      '<HEAD><title>t</title></HEAD><!-- Voucher: HIDDEN-1 --><STYLE>p{}</STYLE><Script type="x">evil()</sCRIPT>' +
        '<table><tr><td>Voucher number</td><td>AB-1234</td></tr></table>',
      'html',
    );
    assert.equal(cut, false);
    assert.doesNotMatch(text, /HIDDEN|evil|p\{\}|<title>/);
    assert.match(text, /Voucher number\tAB-1234/);
  });

  it('an unclosed script or comment runs to the end, as in a browser', () => {
    assert.equal(
      messageText('<p>Customer: Fabrikam</p><script>x = 1; Voucher: NOPE-1', 'html').text,
      'Customer: Fabrikam',
    );
    assert.equal(messageText('<p>Days: 5</p><!-- Voucher: NOPE-2', 'html').text, 'Days: 5');
  });

  it('plain text passes through; a long message is cut to the parser`s limit and says so', () => {
    assert.deepEqual(messageText('Voucher <ana@contoso.com> AB-1234', 'text'), {
      text: 'Voucher <ana@contoso.com> AB-1234',
      cut: false,
    });
    const long = messageText(`<p>${'word '.repeat(10_000)}</p>`, 'html');
    assert.equal(long.cut, true);
    assert.equal(long.text.length, MAX_INTAKE_LENGTH);
  });
});
