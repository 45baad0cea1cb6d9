#!/usr/bin/env python3
"""Deterministic generator for the mail-mime test corpus.

Writes NN-short-name.eml (raw RFC 5322 message, CRLF line endings) and
NN-short-name.json (expectation) into the directory of this script.

Run:  python3 generate.py          (writes files and self-checks with Python's email package)
"""
import base64
import json
import os
import quopri
import re
import struct
import sys
import zlib

OUT = os.path.dirname(os.path.abspath(__file__))

SUPPORT = "Shop Support <support@help.example.com>"
SUPPORT_EMAIL = "support@help.example.com"

# ---------------------------------------------------------------- helpers


def b(x):
    return x if isinstance(x, bytes) else x.encode("utf-8")


def crlf(data):
    data = b(data)
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def qp(text, charset="utf-8"):
    """Quoted-printable body (hard line breaks become CRLF later)."""
    raw = text.encode(charset) if isinstance(text, str) else text
    return quopri.encodestring(raw).rstrip(b"\n")


def b64(data, charset="utf-8"):
    raw = data.encode(charset) if isinstance(data, str) else data
    return base64.encodebytes(raw).rstrip(b"\n")


def ew_b(text, charset="UTF-8", codec=None):
    raw = text.encode(codec or charset)
    return "=?%s?B?%s?=" % (charset, base64.b64encode(raw).decode("ascii"))


def ew_q(text, charset="UTF-8", codec=None):
    raw = text.encode(codec or charset)
    out = []
    for c in raw:
        ch = chr(c)
        if ch == " ":
            out.append("_")
        elif ch.isalnum() and c < 128:
            out.append(ch)
        elif ch in "!*+-/" and c < 128:
            out.append(ch)
        else:
            out.append("=%02X" % c)
    return "=?%s?Q?%s?=" % (charset, "".join(out))


def headers(*lines):
    """Header lines (str or bytes); embedded '\\n' followed by whitespace = folding."""
    return b"\n".join(b(l) for l in lines)


def part(hdrs, body):
    return b(hdrs) + b"\n\n" + b(body)


def multipart(boundary, parts, preamble=None, epilogue=None, close=True):
    out = b""
    if preamble is not None:
        out += b(preamble) + b"\n"
    for p in parts:
        out += b"--" + b(boundary) + b"\n" + b(p) + b"\n"
    if close:
        out += b"--" + b(boundary) + b"--\n"
        if epilogue is not None:
            out += b(epilogue) + b"\n"
    return out.rstrip(b"\n")


def message(hdrs, body):
    return crlf(b(hdrs) + b"\n\n" + b(body) + b"\n")


def ses_received(envelope_from, helo, ip, msgno):
    """Headers Amazon SES adds when it receives a message for help.example.com."""
    dom = envelope_from.split("@")[-1] if envelope_from else "unknown"
    rp = "<%s>" % envelope_from if envelope_from is not None else "<>"
    return headers(
        "Return-Path: %s" % rp,
        "Received: from %s (%s [%s])\n by inbound-smtp.eu-west-1.amazonaws.com with SMTP id %s\n"
        " for support@help.example.com;\n Mon, 03 Nov 2025 10:%02d:17 +0000 (UTC)"
        % (helo, helo, ip, "q7t2l1s3k%04doa0b9c8d7e6f5a4b3c2d1e0f" % msgno, msgno % 60),
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        "Received-SPF: pass (spfCheck: domain of %s designates %s as permitted sender)\n"
        " client-ip=%s; envelope-from=%s; helo=%s;" % (dom, ip, ip, envelope_from or "", helo),
        "Authentication-Results: amazonses.com;\n spf=pass (spfCheck: domain of %s designates %s as permitted sender)"
        " client-ip=%s; envelope-from=%s; helo=%s;\n dkim=pass header.i=@%s;\n dmarc=pass header.from=%s;"
        % (dom, ip, ip, envelope_from or "", helo, dom, dom),
        "X-SES-RECEIPT: AEFBQUFBQUFBQUFGaWVwY0x0dTZRaE1%04dVk9JUW1CeGRyRHV6a3hqZ1lQc2pCeWVOaW0=" % msgno,
        "X-SES-DKIM-SIGNATURE: a=rsa-sha256; q=dns/txt; b=Zm9vYmFy%04dQmF6cXV4; c=relaxed/simple;\n"
        " s=ihchhvubuqgjsxyuhssfvqohv7z3u4hn; d=amazonses.com; t=1762164017; v=1; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;\n"
        " h=From:To:Cc:Bcc:Subject:Date:Message-ID:MIME-Version:Content-Type:X-SES-RECEIPT;" % msgno,
    )


def ses_id(n):
    return "<0100019a4a%04x1b2c-5e6f7a8b-%04x-4c2d-9e0f-123456789abc-000000@eu-west-1.amazonses.com>" % (n, n)


def fake_pdf(title, n_lines=6):
    body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    body += "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    body += "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n"
    stream = "".join("BT /F1 12 Tf 72 %d Td (%s line %d) Tj ET\n" % (770 - 14 * i, title, i) for i in range(n_lines))
    body += "4 0 obj\n<< /Length %d >>\nstream\n%sendstream\nendobj\n" % (len(stream), stream)
    body += "trailer\n<< /Root 1 0 R >>\n%%EOF\n"
    return body.encode("latin-1")


def fake_png(w, h, rgb):
    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))
    comp = zlib.compress(raw, 0)  # stored blocks: byte-for-byte deterministic
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", comp) + chunk(b"IEND", b""))


def att(filename, ctype, size, inline=False, cid=None):
    return {"filename": filename, "contentType": ctype, "size": size, "inline": inline, "contentId": cid}


CASES = []


def case(name, eml, exp):
    CASES.append((name, eml, exp))


QUOTED_EN = [
    "Hello,",
    "",
    "Thank you for contacting Shop Support. Your order has shipped and",
    "should arrive within 3 business days.",
    "",
    "Kind regards,",
    "Shop Support",
]


def quote(lines, prefix="> "):
    return "\n".join((prefix + l) if l else prefix.rstrip() for l in lines)


def gmail_alt(boundary, plain, html):
    return multipart(boundary, [
        part('Content-Type: text/plain; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable', qp(plain)),
        part('Content-Type: text/html; charset="UTF-8"\nContent-Transfer-Encoding: quoted-printable', qp(html)),
    ])


def gmail_html(reply_lines, attr_html, quoted_lines):
    divs = "".join("<div>%s</div>" % (l if l else "<br>") for l in reply_lines)
    q = "<br>".join(quoted_lines)
    return ('<div dir="ltr">%s</div><br><div class="gmail_quote gmail_quote_container">'
            '<div dir="ltr" class="gmail_attr">%s<br></div><blockquote class="gmail_quote" '
            'style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">'
            '%s</blockquote></div>\n' % (divs, attr_html, q))


def html_esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def gmail_headers(n, from_hdr, subject_hdr, msgid, irt, refs, date, to=SUPPORT, boundary=None, ctype=None):
    h = [
        "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=example.com; s=20230601; t=1762164000; x=1762768800; darn=help.example.com;\n"
        "        h=to:subject:message-id:date:from:in-reply-to:references:mime-version\n"
        "         :from:to:cc:subject:date:message-id:reply-to;\n"
        "        bh=Q2FzZTIwMjVHbWFpbEJvZHlIYXNoVmFsdWUwMDAwMDAwMDA=;\n"
        "        b=TWFpbE1pbWVDb3JwdXNGYWtlU2lnbmF0dXJlMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAw\n"
        "         ZmFrZWZha2VmYWtl%04d==" % n,
        "X-Google-Smtp-Source: AGHT+IFakeSourceValue%04dQmFzZTY0VmFsdWU=" % n,
        "X-Received: by 2002:a17:907:7f0a:b0:b70:1234:5678 with SMTP id a640c23a62f3a-b70abcdef%02dmr1234567866b.12.1762164000123;\n"
        "        Mon, 03 Nov 2025 02:%02d:40 -0800 (PST)" % (n % 100, n % 60),
        "MIME-Version: 1.0",
    ]
    if refs:
        h.append("References: " + "\n ".join(refs))
    if irt:
        h.append("In-Reply-To: " + irt)
    h += [
        "From: " + from_hdr,
        "Date: " + date,
        "X-Gm-Features: AWmQ_bk%04dFakeFeaturesValue" % n,
        "Message-ID: " + msgid,
        "Subject: " + subject_hdr,
        "To: " + to,
        ctype or 'Content-Type: multipart/alternative; boundary="%s"' % boundary,
    ]
    return headers(*h)


# ====================================================================== replies

# ---- 01 Gmail multipart/alternative reply
def c_gmail_reply():
    n = 1
    sid = ses_id(n)
    first = "<CAF7x+QmFIRSTa1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ@mail.gmail.com>"
    mid = "<CAF7x+Qm2k9vZ8Tq3yH1u5nR0pL4wE6sD7fG8hJ9kLzXcVbNmA@mail.gmail.com>"
    reply = [
        "Hi,",
        "",
        "the parcel still hasn\u2019t arrived. The tracking page says \u201clabel created\u201d since Friday.",
        "Could you please check with the carrier?",
        "",
        "Thanks,",
        "Alice",
    ]
    attr = "On Mon, 3 Nov 2025 at 10:02, Shop Support <support@help.example.com> wrote:"
    plain = "\n".join(reply) + "\n\n" + attr + "\n\n" + quote(QUOTED_EN) + "\n"
    html = gmail_html([html_esc(l) for l in reply],
                      'On Mon, 3 Nov 2025 at 10:02, Shop Support &lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt; wrote:',
                      [html_esc(l) for l in QUOTED_EN])
    bnd = "000000000000a1b2c3d4e5f60718"
    h = headers(ses_received("alice.mueller@example.com", "mail-ej1-f44.google.com", "198.51.100.44", n),
                gmail_headers(n, "=?UTF-8?Q?Alice_M=C3=BCller?= <alice.mueller@example.com>",
                              "Re: [Ticket #4711] Where is my parcel?", mid, sid, [first, sid],
                              "Mon, 3 Nov 2025 11:24:05 +0100", boundary=bnd))
    case("gmail-reply-alternative-qp", message(h, gmail_alt(bnd, plain, html)), {
        "description": "Gmail reply, multipart/alternative text/plain + text/html, UTF-8 quoted-printable, English 'On ... wrote:' attribution followed by '>' quoted lines; received through Amazon SES",
        "from": {"email": "alice.mueller@example.com", "name": "Alice M\u00fcller"},
        "subject": "Re: [Ticket #4711] Where is my parcel?",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [first, sid],
        "visibleTextContains": ["the parcel still hasn\u2019t arrived", "Could you please check with the carrier?"],
        "visibleTextExcludes": ["Thank you for contacting Shop Support", "should arrive within 3 business days", "wrote:"],
        "fullTextContains": ["the parcel still hasn\u2019t arrived"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 02 Outlook / Exchange HTML-only reply with From/Sent/To/Subject block
def c_outlook_html_reply():
    n = 2
    sid = ses_id(n)
    mid = "<AM9PR07MB7123A1B2C3D4E5F60718293A4B5C6D7E8F9A0@AM9PR07MB7123.eurprd07.prod.outlook.com>"
    html = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
\t{font-family:"Cambria Math";
\tpanose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
\t{font-family:Calibri;
\tpanose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
\t{margin:0cm;
\tfont-size:11.0pt;
\tfont-family:"Calibri",sans-serif;
\tmso-ligatures:standardcontextual;
\tmso-fareast-language:EN-US;}
span.EmailStyle19
\t{mso-style-type:personal-reply;
\tfont-family:"Calibri",sans-serif;
\tcolor:windowtext;}
.MsoChpDefault
\t{mso-style-type:export-only;
\tfont-size:10.0pt;}
@page WordSection1
\t{size:612.0pt 792.0pt;
\tmargin:72.0pt 72.0pt 72.0pt 72.0pt;}
div.WordSection1
\t{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]-->
</head>
<body lang="EN-GB" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal"><span style="mso-fareast-language:EN-US">Hello,<o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US">the box was crushed on one side and the mug inside is broken.<o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US">Can you send a replacement?<o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US"><o:p>&nbsp;</o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US">Best regards<o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US">Bob<o:p></o:p></span></p>
<p class="MsoNormal"><span style="mso-fareast-language:EN-US"><o:p>&nbsp;</o:p></span></p>
<div>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal"><b><span lang="EN-US">From:</span></b><span lang="EN-US"> Shop Support &lt;support@help.example.com&gt;
<br>
<b>Sent:</b> Monday, November 3, 2025 10:02 AM<br>
<b>To:</b> Bob Jones &lt;bob.jones@example.org&gt;<br>
<b>Subject:</b> [Ticket #4712] Damaged item<o:p></o:p></span></p>
</div>
</div>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Dear Bob,<br>
we are sorry to hear that your item arrived damaged. Please send us a photo of the packaging.<br>
<br>
Shop Support<o:p></o:p></p>
</div>
</body>
</html>
"""
    h = headers(
        ses_received("bob.jones@example.org", "EUR05-AM6-obe.outbound.protection.outlook.com", "203.0.113.92", n),
        "ARC-Seal: i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\n b=RmFrZUFyY1NlYWxWYWx1ZUZvckNvcnB1czAwMg==",
        "From: Bob Jones <bob.jones@example.org>",
        "To: Shop Support <support@help.example.com>",
        "Subject: RE: [Ticket #4712] Damaged item",
        "Thread-Topic: [Ticket #4712] Damaged item",
        "Thread-Index: AQHcTMx1a2b3c4d5e6f7g8h9i0j1k2l3m4n5o6p7q8r9sA==",
        "Date: Mon, 3 Nov 2025 10:31:12 +0000",
        "Message-ID: " + mid,
        "References: " + sid,
        "In-Reply-To: " + sid,
        "Accept-Language: en-GB, en-US",
        "Content-Language: en-GB",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        "msip_labels:",
        "x-ms-publictraffictype: Email",
        "x-ms-traffictypediagnostic: AM9PR07MB7123:EE_|PAXPR07MB8456:EE_",
        "x-ms-exchange-senderadcheck: 1",
        "Content-Type: text/html; charset=\"utf-8\"",
        "Content-Transfer-Encoding: quoted-printable",
        "MIME-Version: 1.0",
    )
    case("outlook-html-only-reply", message(h, qp(html)), {
        "description": "Outlook / Exchange Online HTML-only reply (Word HTML with <style> and conditional comments); the quoted original follows a From:/Sent:/To:/Subject: block inside a border-top div",
        "from": {"email": "bob.jones@example.org", "name": "Bob Jones"},
        "subject": "RE: [Ticket #4712] Damaged item",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["the mug inside is broken", "Can you send a replacement?"],
        "visibleTextExcludes": ["Please send us a photo of the packaging", "Sent:", "Monday, November 3, 2025", "Cambria Math", "MsoNormal", "mso-style-type", "spidmax"],
        "fullTextContains": ["the mug inside is broken"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 03 Outlook plain text with -----Original Message-----
def c_outlook_original_message():
    n = 3
    sid = ses_id(n)
    mid = "<000a01dc4c8b$5e2f3b10$1a8db130$@example.net>"
    body = """Hi there,

please cancel order 4713, I ordered the wrong size.

Regards
Carol

-----Original Message-----
From: Shop Support [mailto:support@help.example.com] 
Sent: Monday, November 03, 2025 10:02 AM
To: carol@example.net
Subject: [Ticket #4713] Order confirmation

Dear Carol,

Thank you for your order 4713. We will ship it within two days.

Shop Support
"""
    h = headers(
        ses_received("carol@example.net", "smtp.example.net", "192.0.2.33", n),
        "From: \"Carol Smith\" <carol@example.net>",
        "To: \"'Shop Support'\" <support@help.example.com>",
        "References: " + sid,
        "In-Reply-To: " + sid,
        "Subject: RE: [Ticket #4713] Order confirmation",
        "Date: Mon, 3 Nov 2025 11:05:40 +0100",
        "Message-ID: " + mid,
        "MIME-Version: 1.0",
        "Content-Type: text/plain;\n\tcharset=\"us-ascii\"",
        "Content-Transfer-Encoding: 7bit",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AQJ2rC0QmF3k1Y8Xo9h3d2Lw5pS0CQ==",
        "Content-Language: en-us",
    )
    case("outlook-plain-original-message", message(h, body), {
        "description": "Outlook desktop plain-text reply; quoted original introduced by '-----Original Message-----' and a From/Sent/To/Subject block (From uses the [mailto:] form with a trailing space)",
        "from": {"email": "carol@example.net", "name": "Carol Smith"},
        "subject": "RE: [Ticket #4713] Order confirmation",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["please cancel order 4713, I ordered the wrong size."],
        "visibleTextExcludes": ["-----Original Message-----", "[mailto:support@help.example.com]", "We will ship it within two days"],
        "fullTextContains": ["We will ship it within two days"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 04 Apple Mail (macOS) reply, multipart/alternative, blockquote type=cite
def c_apple_mail_reply():
    n = 4
    sid = ses_id(n)
    mid = "<8F2A6C1E-3B4D-4E5F-9A0B-1C2D3E4F5A6B@example.com>"
    reply = ["Hi,", "", "the company name on the invoice should be \u201cChen & Partner GmbH\u201d, not my private name.", "", "Best", "David"]
    quoted = ["Hello David,", "", "your invoice for order 4714 is attached. Please let us know if anything is wrong.", "", "Shop Support"]
    attr = "On 3 Nov 2025, at 10:02, Shop Support <support@help.example.com> wrote:"
    plain = "\n".join(reply) + "\n\n" + quote([attr, ""] + quoted) + "\n"
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
            '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">'
            + "".join("<div>%s</div>" % (html_esc(l) if l else "<br>") for l in reply)
            + '<div><br><blockquote type="cite"><div>On 3 Nov 2025, at 10:02, Shop Support &lt;support@help.example.com&gt; wrote:</div>'
            '<br class="Apple-interchange-newline"><div><div>'
            + "".join("<div>%s</div>" % (html_esc(l) if l else "<br>") for l in quoted)
            + "</div></div></blockquote></div><br></body></html>")
    bnd = "Apple-Mail=_7C1D2E3F-4A5B-4C6D-8E9F-0A1B2C3D4E5F"
    body = multipart(bnd, [
        part("Content-Transfer-Encoding: quoted-printable\nContent-Type: text/plain;\n\tcharset=utf-8", qp(plain)),
        part("Content-Transfer-Encoding: quoted-printable\nContent-Type: text/html;\n\tcharset=utf-8", qp(html)),
    ])
    h = headers(
        ses_received("david.chen@example.com", "mail.example.com", "192.0.2.14", n),
        "From: David Chen <david.chen@example.com>",
        "Content-Type: multipart/alternative;\n\tboundary=\"%s\"" % bnd,
        "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))",
        "Subject: Re: [Ticket #4714] Invoice address",
        "Date: Mon, 3 Nov 2025 11:02:44 +0100",
        "In-Reply-To: " + sid,
        "To: Shop Support <support@help.example.com>",
        "References: " + sid,
        "Message-Id: " + mid,
        "X-Mailer: Apple Mail (2.3826.200.121)",
    )
    case("apple-mail-reply", message(h, body), {
        "description": "Apple Mail (macOS) reply: multipart/alternative, QP UTF-8, Mime-Version header with an escaped-paren comment; attribution 'On 3 Nov 2025, at 10:02, ... wrote:' inside <blockquote type=cite> / '>' lines",
        "from": {"email": "david.chen@example.com", "name": "David Chen"},
        "subject": "Re: [Ticket #4714] Invoice address",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["the company name on the invoice should be", "Chen & Partner GmbH"],
        "visibleTextExcludes": ["your invoice for order 4714 is attached", "On 3 Nov 2025, at 10:02"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 05 iPhone plain reply with "Sent from my iPhone"
def c_iphone_reply():
    n = 5
    sid = ses_id(n)
    mid = "<A1B2C3D4-E5F6-4789-ABCD-EF0123456789@example.net>"
    body = ("Friday afternoon works for me, I\u2019ll be home after 2 pm.\n\nSent from my iPhone\n\n"
            "> On 3 Nov 2025, at 10:02, Shop Support <support@help.example.com> wrote:\n> \n"
            "> \ufeffHello Emma,\n> \n> which delivery slot would suit you best?\n> \n> Shop Support\n")
    h = headers(
        ses_received("emma.w@example.net", "mail.example.net", "192.0.2.55", n),
        "From: Emma Wilson <emma.w@example.net>",
        "Content-Type: text/plain;\n\tcharset=utf-8",
        "Content-Transfer-Encoding: quoted-printable",
        "Mime-Version: 1.0 (1.0)",
        "Subject: Re: [Ticket #4715] Delivery slot",
        "Date: Mon, 3 Nov 2025 10:47:31 +0100",
        "Message-Id: " + mid,
        "References: " + sid,
        "In-Reply-To: " + sid,
        "To: Shop Support <support@help.example.com>",
        "X-Mailer: iPhone Mail (23A341)",
    )
    case("iphone-reply-sent-from", message(h, qp(body)), {
        "description": "iPhone Mail plain-text reply: 'Sent from my iPhone' then the attribution and quote, all prefixed with '>'; quoted text starts with a U+FEFF BOM as iOS does",
        "from": {"email": "emma.w@example.net", "name": "Emma Wilson"},
        "subject": "Re: [Ticket #4715] Delivery slot",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["Friday afternoon works for me", "home after 2 pm."],
        "visibleTextExcludes": ["Sent from my iPhone", "which delivery slot would suit you best", "wrote:"],
        "fullTextContains": ["Sent from my iPhone"],
        "attachments": [],
        "autoReply": False,
    })


def gmail_lang_case(n, name, desc, from_hdr, from_exp, subject, reply, attr_plain, attr_html, quoted,
                    vis, excl, to=SUPPORT):
    sid = ses_id(n)
    mid = "<CAF7x+Qm%02dLang%sZ8Tq3yH1u5nR0pL4wE6sD7fG8hJ9k@mail.gmail.com>" % (n, name.split("-")[0].upper())
    plain = "\n".join(reply) + "\n\n" + attr_plain + "\n\n" + quote(quoted) + "\n"
    html = gmail_html([html_esc(l) for l in reply], attr_html, [html_esc(l) for l in quoted])
    bnd = "0000000000%02dc3d4e5f6071829" % n
    email = re.search(r"<([^>]+)>", from_hdr).group(1)
    h = headers(ses_received(email, "mail-wm1-f%02d.google.com" % n, "198.51.100.%d" % n, n),
                gmail_headers(n, from_hdr, subject, mid, sid, [sid], "Mon, 3 Nov 2025 11:%02d:05 +0100" % n,
                              boundary=bnd, to=to))
    case(name, message(h, gmail_alt(bnd, plain, html)), {
        "description": desc,
        "from": from_exp,
        "subject": subject if "=?" not in subject else None,
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": vis,
        "visibleTextExcludes": excl,
        "attachments": [],
        "autoReply": False,
    })
    return CASES[-1][2]


# ---- 06 German Gmail
def c_german_gmail():
    gmail_lang_case(
        6, "gmail-german-am-schrieb",
        "German Gmail reply: 'Am Mo., 3. Nov. 2025 um 10:02 Uhr schrieb ... <...>:' attribution, UTF-8 QP with umlauts and sharp s",
        "=?UTF-8?Q?Klaus_Wei=C3=9F?= <klaus.weiss@example.com>", {"email": "klaus.weiss@example.com", "name": "Klaus Wei\u00df"},
        "Re: [Ticket #4716] R\u00fccksendung".replace("\u00fc", "ue"),
        ["Hallo,", "", "vielen Dank f\u00fcr die schnelle Antwort. Die R\u00fccksendung habe ich heute bei der Post abgegeben.", "",
         "Viele Gr\u00fc\u00dfe", "Klaus Wei\u00df"],
        "Am Mo., 3. Nov. 2025 um 10:02\u00a0Uhr schrieb Shop Support <support@help.example.com>:".replace("\u00a0", " "),
        'Am Mo., 3. Nov. 2025 um 10:02\u00a0Uhr schrieb Shop Support &lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt;:',
        ["Guten Tag Herr Wei\u00df,", "", "bitte senden Sie die Ware mit dem beiliegenden R\u00fccksendeetikett zur\u00fcck.", "", "Ihr Shop Support"],
        ["vielen Dank f\u00fcr die schnelle Antwort", "bei der Post abgegeben"],
        ["beiliegenden R\u00fccksendeetikett", "schrieb Shop Support"])


# ---- 07 French Gmail
def c_french_gmail():
    gmail_lang_case(
        7, "gmail-french-a-ecrit",
        "French Gmail reply: 'Le lun. 3 nov. 2025 \u00e0 10:02, ... a \u00e9crit :' attribution; From display name as a base64 encoded word",
        ew_b("\u00c9lodie Lef\u00e8vre") + " <elodie.lefevre@example.org>", {"email": "elodie.lefevre@example.org", "name": "\u00c9lodie Lef\u00e8vre"},
        "Re: [Ticket #4717] Colis endommag\u00e9".replace("\u00e9", "e"),
        ["Bonjour,", "", "le colis est arriv\u00e9 ab\u00eem\u00e9, je vous envoie les photos demain.", "", "Cordialement,", "\u00c9lodie"],
        "Le lun. 3 nov. 2025 \u00e0 10:02, Shop Support <support@help.example.com> a \u00e9crit :",
        'Le\u00a0lun. 3 nov. 2025 \u00e0\u00a010:02, Shop Support &lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt; a \u00e9crit\u00a0:',
        ["Bonjour \u00c9lodie,", "", "pourriez-vous nous envoyer une photo du colis ?", "", "Shop Support"],
        ["le colis est arriv\u00e9 ab\u00eem\u00e9"],
        ["pourriez-vous nous envoyer une photo", "a \u00e9crit"])


# ---- 08 Spanish Gmail
def c_spanish_gmail():
    gmail_lang_case(
        8, "gmail-spanish-escribio",
        "Spanish Gmail reply: 'El lun, 3 nov 2025 a las 10:02, Shop Support (<support@help.example.com>) escribi\u00f3:' (Gmail puts the address in parentheses)",
        "=?UTF-8?Q?Jos=C3=A9_N=C3=BA=C3=B1ez?= <jose.nunez@example.net>", {"email": "jose.nunez@example.net", "name": "Jos\u00e9 N\u00fa\u00f1ez"},
        "Re: [Ticket #4718] Cambio de talla",
        ["Hola,", "", "prefiero la talla M en lugar de la S, \u00bfes posible cambiarla?", "", "Gracias,", "Jos\u00e9"],
        "El lun, 3 nov 2025 a las 10:02, Shop Support (<support@help.example.com>) escribi\u00f3:",
        'El lun, 3 nov 2025 a las 10:02, Shop Support (&lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt;) escribi\u00f3:',
        ["Hola Jos\u00e9,", "", "\u00bfqu\u00e9 talla necesita exactamente?", "", "Shop Support"],
        ["prefiero la talla M en lugar de la S"],
        ["qu\u00e9 talla necesita exactamente", "escribi\u00f3:"])


# ---- 09 Outlook German "Von: / Gesendet: / An: / Betreff:" (multipart/alternative, base64 UTF-8)
def c_outlook_german():
    n = 9
    sid = ses_id(n)
    mid = "<FR3P281MB1234567890ABCDEF1234567890ABCDEF@FR3P281MB1234.DEUP281.PROD.OUTLOOK.COM>"
    plain = """Hallo,

die Rechnung ist angekommen, danke. K\u00f6nnen Sie mir noch eine Kopie per Post schicken?

Mit freundlichen Gr\u00fc\u00dfen
Sabine K\u00f6hler

Von: Shop Support <support@help.example.com> 
Gesendet: Montag, 3. November 2025 10:02
An: Sabine K\u00f6hler <sabine.koehler@example.net>
Betreff: [Ticket #4719] Ihre Rechnung

Sehr geehrte Frau K\u00f6hler,

anbei erhalten Sie Ihre Rechnung zur Bestellung 4719.

Ihr Shop Support
"""
    html = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!--
p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Aptos",sans-serif;}
--></style></head><body lang="DE" style="word-wrap:break-word"><div class="WordSection1">
<p class="MsoNormal">Hallo,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">die Rechnung ist angekommen, danke. K&ouml;nnen Sie mir noch eine Kopie per Post schicken?<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Mit freundlichen Gr&uuml;&szlig;en<br>Sabine K&ouml;hler<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<div id="mail-editor-reference-message-container"><div><div style="border:none;border-top:solid #B5C4DF 1.0pt;padding:3.0pt 0cm 0cm 0cm">
<p class="MsoNormal" style="margin-bottom:12.0pt"><b>Von: </b>Shop Support &lt;support@help.example.com&gt;<br><b>Gesendet: </b>Montag, 3. November 2025 10:02<br>
<b>An: </b>Sabine K&ouml;hler &lt;sabine.koehler@example.net&gt;<br><b>Betreff: </b>[Ticket #4719] Ihre Rechnung<o:p></o:p></p></div>
<p class="MsoNormal">Sehr geehrte Frau K&ouml;hler,<br><br>anbei erhalten Sie Ihre Rechnung zur Bestellung 4719.<br><br>Ihr Shop Support<o:p></o:p></p>
</div></div></div></body></html>
"""
    bnd = "_000_FR3P281MB1234567890ABCDEF1234567890ABCDEF_"
    body = multipart(bnd, [
        part('Content-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(plain)),
        part('Content-Type: text/html; charset="utf-8"\nContent-Transfer-Encoding: base64', b64(html)),
    ])
    h = headers(
        ses_received("sabine.koehler@example.net", "mail-fr3deu01on2101.outbound.protection.outlook.com", "203.0.113.101", n),
        "From: =?utf-8?B?U2FiaW5lIEvDtmhsZXI=?= <sabine.koehler@example.net>",
        "To: Shop Support <support@help.example.com>",
        "Subject: AW: [Ticket #4719] Ihre Rechnung",
        "Thread-Topic: [Ticket #4719] Ihre Rechnung",
        "Thread-Index: AQHcTM1xRmFrZVRocmVhZEluZGV4MDAwOQ==",
        "Date: Mon, 3 Nov 2025 10:40:02 +0000",
        "Message-ID: " + mid,
        "References: " + sid,
        "In-Reply-To: " + sid,
        "Accept-Language: de-DE, en-US",
        "Content-Language: de-DE",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        "Content-Type: multipart/alternative;\n\tboundary=\"%s\"" % bnd,
        "MIME-Version: 1.0",
    )
    case("outlook-german-von-gesendet", message(h, body), {
        "description": "German Outlook (new Outlook / Exchange Online) reply, multipart/alternative with base64 UTF-8 parts; quoted original after a 'Von: / Gesendet: / An: / Betreff:' block; subject prefix 'AW:'",
        "from": {"email": "sabine.koehler@example.net", "name": "Sabine K\u00f6hler"},
        "subject": "AW: [Ticket #4719] Ihre Rechnung",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["die Rechnung ist angekommen, danke.", "K\u00f6nnen Sie mir noch eine Kopie per Post schicken?"],
        "visibleTextExcludes": ["Gesendet:", "anbei erhalten Sie Ihre Rechnung", "font-family"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 10 Dutch Outlook "Van: / Verzonden: / Aan: / Onderwerp:" with underscore separator, windows-1252 QP
def c_outlook_dutch():
    n = 10
    sid = ses_id(n)
    mid = "<DB9PR02MB7654FEDCBA0987654321FEDCBA098765@DB9PR02MB7654.eurprd02.prod.outlook.com>"
    body = """Bedankt, ik wacht op de nieuwe verzending. Het pakket mag bij de buren worden afgegeven.

Met vriendelijke groet,
Pieter de Vries

________________________________
Van: Shop Support <support@help.example.com>
Verzonden: maandag 3 november 2025 10:02
Aan: Pieter de Vries <pieter.devries@example.org>
Onderwerp: [Ticket #4720] Nieuwe verzending

Beste Pieter,

wij versturen uw bestelling opnieuw. U ontvangt binnenkort een nieuwe track & trace code.

Caf\u00e9-groet,
Shop Support
"""
    h = headers(
        ses_received("pieter.devries@example.org", "mail-db9eur02on2050.outbound.protection.outlook.com", "203.0.113.50", n),
        "From: Pieter de Vries <pieter.devries@example.org>",
        "To: Shop Support <support@help.example.com>",
        "Subject: Re: [Ticket #4720] Nieuwe verzending",
        "Thread-Topic: [Ticket #4720] Nieuwe verzending",
        "Thread-Index: AQHcTM2zRmFrZVRocmVhZEluZGV4MDAxMA==",
        "Date: Mon, 3 Nov 2025 10:55:19 +0000",
        "Message-ID: " + mid,
        "References: " + sid,
        "In-Reply-To: " + sid,
        "Accept-Language: nl-NL, en-US",
        "Content-Language: nl-NL",
        "X-MS-Has-Attach:",
        "X-MS-TNEF-Correlator:",
        "Content-Type: text/plain; charset=\"Windows-1252\"",
        "Content-Transfer-Encoding: quoted-printable",
        "MIME-Version: 1.0",
    )
    case("outlook-dutch-van-verzonden", message(h, qp(body, "cp1252")), {
        "description": "Dutch Outlook (OWA / mobile) plain-text reply, windows-1252 QP; quoted original after a '________________________________' line and 'Van: / Verzonden: / Aan: / Onderwerp:' block",
        "from": {"email": "pieter.devries@example.org", "name": "Pieter de Vries"},
        "subject": "Re: [Ticket #4720] Nieuwe verzending",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["Bedankt, ik wacht op de nieuwe verzending."],
        "visibleTextExcludes": ["Verzonden:", "wij versturen uw bestelling opnieuw", "Caf\u00e9-groet"],
        "fullTextContains": ["Caf\u00e9-groet"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 11 Thunderbird, format=flowed, "-- " signature, "On 03.11.25 10:02, X wrote:"
def c_thunderbird_signature():
    n = 11
    sid = ses_id(n)
    mid = "<7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6@example.com>"
    body = """Hello,

I would like to change the delivery address for order 4721 to the 
office address below, if it has not shipped yet.

Acme Widgets Ltd, 12 Example Road, Springfield

Thanks
Frank

-- 
Frank Miller
Head of Purchasing | Acme Widgets Ltd
Phone +1 555 0100

On 03.11.25 10:02, Shop Support wrote:
> Hello Frank,
>
> your order 4721 is being prepared.
>
> Shop Support
"""
    h = headers(
        ses_received("frank.miller@example.com", "smtp.example.com", "192.0.2.11", n),
        "Message-ID: " + mid,
        "Date: Mon, 3 Nov 2025 11:11:11 +0100",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Subject: Re: [Ticket #4721] Order 4721",
        "To: Shop Support <support@help.example.com>",
        "References: " + sid,
        "Content-Language: en-US",
        "From: Frank Miller <frank.miller@example.com>",
        "In-Reply-To: " + sid,
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "Content-Transfer-Encoding: 7bit",
    )
    case("thunderbird-flowed-dashdash-signature", message(h, body), {
        "description": "Thunderbird plain-text reply with format=flowed (soft break = trailing space), a '-- ' signature block and the Thunderbird attribution 'On 03.11.25 10:02, Shop Support wrote:' below it",
        "from": {"email": "frank.miller@example.com", "name": "Frank Miller"},
        "subject": "Re: [Ticket #4721] Order 4721",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["I would like to change the delivery address for order 4721", "Acme Widgets Ltd, 12 Example Road, Springfield"],
        "visibleTextExcludes": ["Head of Purchasing", "Phone +1 555 0100", "your order 4721 is being prepared"],
        "fullTextContains": ["Head of Purchasing"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 12 Yahoo reply, yahoo_quoted div
def c_yahoo_reply():
    n = 12
    sid = ses_id(n)
    mid = "<1234567890.987654.1762164700123@mail.yahoo.com>"
    plain = ("The voucher code SAVE10 was not accepted at checkout, it says expired.\n\n"
             "    On Monday, November 3, 2025 at 10:02:13 AM GMT+1, Shop Support <support@help.example.com> wrote:  \n \n"
             " Hello Grace,\nyour voucher is valid until the end of the month.\nShop Support\n  ")
    html = ('<html><head></head><body><div class="ydp3f1a2b3cyahoo-style-wrap" style="font-family:Helvetica Neue, Helvetica, Arial, sans-serif;font-size:13px;">'
            '<div dir="ltr" data-setdir="false">The voucher code SAVE10 was not accepted at checkout, it says expired.</div></div>'
            '<div id="ydp5e6f7a8byahoo_quoted_1234567890" class="ydp5e6f7a8byahoo_quoted">'
            '<div style="font-family:\'Helvetica Neue\', Helvetica, Arial, sans-serif;font-size:13px;color:#26282a;">'
            '<div>On Monday, November 3, 2025 at 10:02:13 AM GMT+1, Shop Support &lt;support@help.example.com&gt; wrote:</div><div><br></div><div><br></div>'
            '<div><div dir="ltr">Hello Grace,<br>your voucher is valid until the end of the month.<br>Shop Support</div></div></div></div></body></html>')
    bnd = "----=_Part_1234567_987654321.1762164700123"
    body = multipart(bnd, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit", plain),
        part("Content-Type: text/html; charset=UTF-8\nContent-Transfer-Encoding: 7bit", html),
    ])
    h = headers(
        ses_received("grace.hopper@example.net", "sonic301-2.consmr.mail.ir2.yahoo.com", "198.51.100.12", n),
        "Date: Mon, 3 Nov 2025 10:11:40 +0000 (UTC)",
        "From: Grace Hopper <grace.hopper@example.net>",
        "To: Shop Support <support@help.example.com>",
        "Message-ID: " + mid,
        "In-Reply-To: " + sid,
        "References: " + sid,
        "Subject: Re: [Ticket #4722] Voucher",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; \n\tboundary=\"%s\"" % bnd,
        "X-Mailer: WebService/1.1.24562 YMailNorrin",
    )
    case("yahoo-reply-quoted-div", message(h, body), {
        "description": "Yahoo Mail web reply: 7bit multipart/alternative; attribution 'On Monday, November 3, 2025 at 10:02:13 AM GMT+1, ... wrote:' indented, quoted text NOT prefixed with '>' (HTML uses a yahoo_quoted div)",
        "from": {"email": "grace.hopper@example.net", "name": "Grace Hopper"},
        "subject": "Re: [Ticket #4722] Voucher",
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": ["The voucher code SAVE10 was not accepted at checkout"],
        "visibleTextExcludes": ["your voucher is valid until the end of the month", "GMT+1"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 13 Gmail with the attribution line wrapped by Gmail's 78-column plain-text wrapping
def c_gmail_wrapped_attribution():
    e = gmail_lang_case(
        13, "gmail-wrapped-attribution",
        "Gmail reply where the plain-text part wraps the long attribution line across two lines ('... Shop Support <' / 'support@help.example.com> wrote:'), as Gmail really does for long names",
        "Henry Fitzgerald-Wellington <henry.fw@example.org>", {"email": "henry.fw@example.org", "name": "Henry Fitzgerald-Wellington"},
        "Re: [Ticket #4723] Gift wrapping",
        ["Please add gift wrapping and a card saying: Happy birthday, Margaret!", "", "Henry"],
        "On Mon, 3 Nov 2025 at 10:02, Shop Support Customer Care Team <\nsupport@help.example.com> wrote:",
        'On Mon, 3 Nov 2025 at 10:02, Shop Support Customer Care Team &lt;<a href="mailto:support@help.example.com">support@help.example.com</a>&gt; wrote:',
        ["Hello Henry,", "", "would you like gift wrapping for this order?", "", "Shop Support"],
        ["Please add gift wrapping and a card saying: Happy birthday, Margaret!"],
        ["would you like gift wrapping for this order?", "wrote:", "Customer Care Team"])


def lang_plain_reply(n, name, desc, from_hdr, from_exp, subject, body, vis, excl, ua_headers, ctype, cte, encoded):
    sid = ses_id(n)
    mid = "<%s-%04d@example.net>" % (name, n)
    email = from_exp["email"]
    h = headers(
        ses_received(email, "mail.%s" % email.split("@")[1], "192.0.2.%d" % n, n),
        "From: " + from_hdr,
        "To: Shop Support <support@help.example.com>",
        "Subject: " + subject,
        "Date: Mon, 3 Nov 2025 10:%02d:00 +0100" % n,
        "Message-ID: " + mid,
        "In-Reply-To: " + sid,
        "References: " + sid,
        "MIME-Version: 1.0",
        *ua_headers,
        ctype,
        "Content-Transfer-Encoding: " + cte,
    )
    case(name, message(h, encoded), {
        "description": desc,
        "from": from_exp,
        "subject": subject,
        "messageId": mid,
        "inReplyTo": sid,
        "references": [sid],
        "visibleTextContains": vis,
        "visibleTextExcludes": excl,
        "fullTextContains": [excl[0]],
        "attachments": [],
        "autoReply": False,
    })


# ---- 14 Samsung Email "Sent from my Galaxy" + "-------- Original message --------"
def c_sent_from_galaxy():
    body = """The courier left a note but I was home all day. Please arrange another delivery for tomorrow.



Sent from my Galaxy


-------- Original message --------
From: Shop Support <support@help.example.com> 
Date: 03/11/2025 10:02 (GMT+00:00) 
To: Ian Brown <ian.brown@example.com> 
Subject: [Ticket #4724] Delivery attempt 

Hello Ian,
the courier could not deliver your parcel today.
Shop Support
"""
    lang_plain_reply(14, "samsung-sent-from-my-galaxy",
                     "Samsung Email (Android) reply: line 'Sent from my Galaxy' followed by the Samsung '-------- Original message --------' header block (fields with trailing spaces)",
                     "Ian Brown <ian.brown@example.com>", {"email": "ian.brown@example.com", "name": "Ian Brown"},
                     "Re: [Ticket #4724] Delivery attempt", body,
                     ["Please arrange another delivery for tomorrow."],
                     ["Sent from my Galaxy", "the courier could not deliver your parcel today", "Original message"],
                     [], "Content-Type: text/plain; charset=utf-8", "base64", b64(body))


# ---- 15 German iPhone "Von meinem iPhone gesendet"
def c_von_meinem_iphone():
    body = ("Passt, dann warte ich auf das Paket.\n\nVon meinem iPhone gesendet\n\n"
            "> Am 03.11.2025 um 10:02 schrieb Shop Support <support@help.example.com>:\n> \n"
            "> \ufeffGuten Tag,\n> Ihr Paket wird morgen zugestellt.\n> Shop Support\n")
    lang_plain_reply(15, "iphone-von-meinem-iphone-gesendet",
                     "German iPhone reply: 'Von meinem iPhone gesendet' then '> Am 03.11.2025 um 10:02 schrieb ...:' quote",
                     "Lena Schmidt <lena.schmidt@example.com>", {"email": "lena.schmidt@example.com", "name": "Lena Schmidt"},
                     "Re: [Ticket #4725] Zustellung", body,
                     ["Passt, dann warte ich auf das Paket."],
                     ["Von meinem iPhone gesendet", "Ihr Paket wird morgen zugestellt", "schrieb Shop Support"],
                     ["X-Mailer: iPhone Mail (22H31)"], "Content-Type: text/plain;\n\tcharset=utf-8", "quoted-printable", qp(body))


# ---- 16 French iPhone "Envoyé de mon iPhone"
def c_envoye_de_mon_iphone():
    body = ("Merci, c\u2019est parfait.\n\nEnvoy\u00e9 de mon iPhone\n\n"
            "> Le 3 nov. 2025 \u00e0 10:02, Shop Support <support@help.example.com> a \u00e9crit\u00a0:\n> \n"
            "> \ufeffBonjour,\n> votre remboursement a \u00e9t\u00e9 effectu\u00e9.\n> Shop Support\n")
    lang_plain_reply(16, "iphone-envoye-de-mon-iphone",
                     "French iPhone reply: 'Envoy\u00e9 de mon iPhone' then '> Le 3 nov. 2025 \u00e0 10:02, ... a \u00e9crit\u00a0:' (with NO-BREAK SPACE before the colon, as iOS writes it)",
                     "=?utf-8?Q?Camille_Roux?= <camille.roux@example.org>", {"email": "camille.roux@example.org", "name": "Camille Roux"},
                     "Re: [Ticket #4726] Remboursement", body,
                     ["Merci, c\u2019est parfait."],
                     ["Envoy\u00e9 de mon iPhone", "votre remboursement a \u00e9t\u00e9 effectu\u00e9", "a \u00e9crit"],
                     ["X-Mailer: iPhone Mail (22H31)"], "Content-Type: text/plain;\n\tcharset=utf-8", "quoted-printable", qp(body))


# ====================================================================== charsets

def new_msg(n, from_hdr, subject_hdr, extra, ctype, cte, body, mid=None, date=None, envelope=None):
    mid = mid or "<corpus-%04d.%s@example.net>" % (n, "a1b2c3")
    envelope = envelope or re.search(r"<([^>]+)>\s*$", from_hdr).group(1)
    h = [ses_received(envelope, "mail.%s" % envelope.split("@")[1], "192.0.2.%d" % (100 + n), n),
         "From: " + from_hdr,
         "To: Shop Support <support@help.example.com>",
         "Subject: " + subject_hdr,
         "Date: " + (date or "Mon, 3 Nov 2025 12:%02d:00 +0100" % (n % 60)),
         "Message-ID: " + mid,
         "MIME-Version: 1.0"] + list(extra)
    if ctype:
        h.append(ctype)
    if cte:
        h.append("Content-Transfer-Encoding: " + cte)
    return message(headers(*h), body), mid


# ---- 17 ISO-8859-1 quoted-printable with "-- " signature
def c_iso_8859_1():
    n = 17
    text = ("Sehr geehrte Damen und Herren,\n\n"
            "ich m\u00f6chte die Gr\u00f6\u00dfe meiner Bestellung 4727 \u00e4ndern: statt Gr\u00f6\u00dfe M bitte L.\n"
            "Au\u00dferdem h\u00e4tte ich gern die Farbe Gr\u00fcn.\n\n"
            "Mit freundlichen Gr\u00fc\u00dfen\nJ\u00fcrgen Gr\u00f6\u00df\n\n"
            "-- \nJ\u00fcrgen Gr\u00f6\u00df \u00b7 M\u00fcnchner Stra\u00dfe 5 \u00b7 80331 M\u00fcnchen\nTel. 089 1234567\n")
    subj = "R\u00fcckfrage zur Bestellung 4727 - Gr\u00f6\u00dfe \u00e4ndern"
    eml, mid = new_msg(n, ew_q("J\u00fcrgen Gr\u00f6\u00df", "ISO-8859-1") + " <juergen.gross@example.net>",
                       ew_q(subj, "ISO-8859-1"),
                       ["User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:115.0) Gecko/20100101 Thunderbird/115.16.0",
                        "Content-Language: de-DE"],
                       "Content-Type: text/plain; charset=ISO-8859-1", "quoted-printable", qp(text, "latin-1"))
    case("charset-iso-8859-1-qp", eml, {
        "description": "ISO-8859-1 quoted-printable German text (umlauts, sharp s, middle dot), Q-encoded ISO-8859-1 subject and From name, '-- ' signature encoded as '--=20'",
        "from": {"email": "juergen.gross@example.net", "name": "J\u00fcrgen Gr\u00f6\u00df"},
        "subject": subj,
        "messageId": mid,
        "inReplyTo": None,
        "references": [],
        "visibleTextContains": ["ich m\u00f6chte die Gr\u00f6\u00dfe meiner Bestellung 4727 \u00e4ndern", "die Farbe Gr\u00fcn"],
        "visibleTextExcludes": ["M\u00fcnchner Stra\u00dfe 5", "Tel. 089 1234567"],
        "fullTextContains": ["M\u00fcnchner Stra\u00dfe 5 \u00b7 80331 M\u00fcnchen"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 18 windows-1252 (curly quotes, euro, en dash, ellipsis)
def c_windows_1252():
    n = 18
    text = ("Hello,\n\nthe website said the \u201cWinter Sale\u201d price was \u20ac29,99 \u2013 but I was charged \u20ac39,99.\n"
            "Could you refund the difference\u2026 thanks!\n\nGraham O\u2019Neill\n")
    subj = "Price \u201cWinter Sale\u201d \u20ac29,99 \u2013 overcharged"
    eml, mid = new_msg(n, ew_q("Graham O\u2019Neill", "windows-1252", "cp1252") + " <graham.oneill@example.org>",
                       ew_q(subj, "windows-1252", "cp1252"),
                       ["X-Mailer: Microsoft Outlook 16.0", "Thread-Index: AdxMzRmFrZVRocmVhZDAwMTg=", "Content-Language: en-ie"],
                       'Content-Type: text/plain;\n\tcharset="windows-1252"', "quoted-printable", qp(text, "cp1252"))
    case("charset-windows-1252-qp", eml, {
        "description": "Outlook plain text in windows-1252 quoted-printable: curly quotes =93/=94, euro sign =80, en dash =96, ellipsis =85, apostrophe =92 (bytes that differ from ISO-8859-1)",
        "from": {"email": "graham.oneill@example.org", "name": "Graham O\u2019Neill"},
        "subject": subj,
        "messageId": mid,
        "visibleTextContains": ["the \u201cWinter Sale\u201d price was \u20ac29,99 \u2013 but I was charged \u20ac39,99.", "refund the difference\u2026"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 19 windows-1251 Russian, base64
def c_windows_1251():
    n = 19
    text = ("\u0417\u0434\u0440\u0430\u0432\u0441\u0442\u0432\u0443\u0439\u0442\u0435!\n\n"
            "\u042f \u043e\u043f\u043b\u0430\u0442\u0438\u043b \u0437\u0430\u043a\u0430\u0437 \u21164728 \u0442\u0440\u0438 \u0434\u043d\u044f \u043d\u0430\u0437\u0430\u0434, "
            "\u043d\u043e \u0441\u0442\u0430\u0442\u0443\u0441 \u0434\u043e \u0441\u0438\u0445 \u043f\u043e\u0440 \u00ab\u041e\u0436\u0438\u0434\u0430\u0435\u0442 \u043e\u043f\u043b\u0430\u0442\u044b\u00bb.\n"
            "\u041f\u0440\u043e\u0432\u0435\u0440\u044c\u0442\u0435, \u043f\u043e\u0436\u0430\u043b\u0443\u0439\u0441\u0442\u0430.\n\n"
            "\u0421 \u0443\u0432\u0430\u0436\u0435\u043d\u0438\u0435\u043c,\n\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432\n")
    name = "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432"
    subj = "\u0412\u043e\u043f\u0440\u043e\u0441 \u043f\u043e \u0437\u0430\u043a\u0430\u0437\u0443 \u21164728"
    eml, mid = new_msg(n, ew_b(name, "windows-1251", "cp1251") + " <ivan.petrov@example.org>",
                       ew_b(subj, "windows-1251", "cp1251"),
                       ["X-Mailer: The Bat! (v10.4.0.3) Professional", "X-Priority: 3 (Normal)", "Reply-To: " + ew_b(name, "koi8-r") + " <ivan.petrov@example.org>"],
                       "Content-Type: text/plain; charset=windows-1251", "base64", b64(text, "cp1251"))
    case("charset-windows-1251-base64", eml, {
        "description": "Russian message from The Bat!: windows-1251 base64 body, B-encoded windows-1251 subject and From name, KOI8-R encoded Reply-To name; includes \u2116 and guillemets",
        "from": {"email": "ivan.petrov@example.org", "name": name},
        "subject": subj,
        "messageId": mid,
        "visibleTextContains": ["\u043e\u043f\u043b\u0430\u0442\u0438\u043b \u0437\u0430\u043a\u0430\u0437 \u21164728", "\u00ab\u041e\u0436\u0438\u0434\u0430\u0435\u0442 \u043e\u043f\u043b\u0430\u0442\u044b\u00bb"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 20 ISO-2022-JP, 7bit
def c_iso_2022_jp():
    n = 20
    name = "\u5c71\u7530 \u592a\u90ce"
    subj1 = "\u3054\u6ce8\u6587\u306e\u4ef6\u306b\u3064\u3044\u3066"
    subj2 = "\uff08\u6ce8\u6587\u756a\u53f74729\uff09"
    text = ("\u30b5\u30dd\u30fc\u30c8\u62c5\u5f53\u8005\u69d8\n\n"
            "\u3044\u3064\u3082\u304a\u4e16\u8a71\u306b\u306a\u3063\u3066\u304a\u308a\u307e\u3059\u3002\n"
            "\u6ce8\u6587\u756a\u53f74729\u306e\u5546\u54c1\u304c\u307e\u3060\u5c4a\u3044\u3066\u304a\u308a\u307e\u305b\u3093\u3002\n"
            "\u914d\u9001\u72b6\u6cc1\u3092\u3054\u78ba\u8a8d\u3044\u305f\u3060\u3051\u307e\u3059\u3067\u3057\u3087\u3046\u304b\u3002\n\n"
            "\u3088\u308d\u3057\u304f\u304a\u9858\u3044\u3044\u305f\u3057\u307e\u3059\u3002\n" + name + "\n")
    subject_hdr = ew_b(subj1, "ISO-2022-JP", "iso2022_jp") + "\n " + ew_b(subj2, "ISO-2022-JP", "iso2022_jp")
    eml, mid = new_msg(n, ew_b(name, "ISO-2022-JP", "iso2022_jp") + " <taro.yamada@example.com>", subject_hdr,
                       ["X-Mailer: Becky! ver. 2.81.04 [ja]"],
                       "Content-Type: text/plain; charset=ISO-2022-JP", "7bit", text.encode("iso2022_jp"))
    assert max(eml) < 128
    case("charset-iso-2022-jp", eml, {
        "description": "Japanese message from Becky!: ISO-2022-JP 7bit body (escape sequences), subject split into two self-contained =?ISO-2022-JP?B?...?= words on a folded line (must be joined without the space)",
        "from": {"email": "taro.yamada@example.com", "name": name},
        "subject": subj1 + subj2,
        "messageId": mid,
        "visibleTextContains": ["\u6ce8\u6587\u756a\u53f74729\u306e\u5546\u54c1\u304c\u307e\u3060\u5c4a\u3044\u3066\u304a\u308a\u307e\u305b\u3093", "\u914d\u9001\u72b6\u6cc1"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 21 Shift_JIS base64
def c_shift_jis():
    n = 21
    name = "\u4f50\u85e4 \u82b1\u5b50"
    subj = "\u8fd4\u54c1\u306b\u3064\u3044\u3066"
    text = ("\u304a\u4e16\u8a71\u306b\u306a\u3063\u3066\u304a\u308a\u307e\u3059\u3002\n"
            "\u5c4a\u3044\u305f\u5546\u54c1\u306e\u30b5\u30a4\u30ba\u304c\u5408\u308f\u306a\u3044\u305f\u3081\u3001\u8fd4\u54c1\u3057\u305f\u3044\u3067\u3059\u3002\n"
            "\u8fd4\u54c1\u306e\u624b\u7d9a\u304d\u3092\u6559\u3048\u3066\u304f\u3060\u3055\u3044\u3002\n\n" + name + "\n")
    eml, mid = new_msg(n, ew_b(name, "Shift_JIS", "shift_jis") + " <hanako.sato@example.net>",
                       ew_b(subj, "Shift_JIS", "shift_jis"), [],
                       'Content-Type: text/plain; charset="Shift_JIS"', "base64", b64(text, "shift_jis"),
                       mid="<20251103120021.A1B2C3@example.net>")
    case("charset-shift-jis-base64", eml, {
        "description": "Japanese mobile-style message: Shift_JIS base64 body, =?Shift_JIS?B?...?= subject and From name",
        "from": {"email": "hanako.sato@example.net", "name": name},
        "subject": subj,
        "messageId": "<20251103120021.A1B2C3@example.net>",
        "visibleTextContains": ["\u8fd4\u54c1\u3057\u305f\u3044\u3067\u3059", "\u8fd4\u54c1\u306e\u624b\u7d9a\u304d\u3092\u6559\u3048\u3066\u304f\u3060\u3055\u3044"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 22 GB2312 (Foxmail), multipart/alternative base64
def c_gb2312():
    n = 22
    name = "\u738b\u82b3"
    subj = "\u5173\u4e8e\u8ba2\u53554730\u7684\u9000\u6b3e\u95ee\u9898"
    text = ("\u60a8\u597d\uff1a\n\n\u6211\u5728\u5341\u6708\u4e09\u5341\u65e5\u7533\u8bf7\u4e86\u9000\u6b3e\uff0c\u4f46\u662f\u81f3\u4eca\u8fd8\u6ca1\u6709\u6536\u5230\u3002"
            "\u8bf7\u5e2e\u6211\u67e5\u4e00\u4e0b\u3002\n\n\u8c22\u8c22\uff01\n" + name + "\n")
    html = ("<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=GB2312\"><style>body { font-size: 14px; font-family: \u5fae\u8f6f\u96c5\u9ed1; }</style></head>"
            "<body><div>\u60a8\u597d\uff1a</div><div><br></div><div>\u6211\u5728\u5341\u6708\u4e09\u5341\u65e5\u7533\u8bf7\u4e86\u9000\u6b3e\uff0c\u4f46\u662f\u81f3\u4eca\u8fd8\u6ca1\u6709\u6536\u5230\u3002"
            "\u8bf7\u5e2e\u6211\u67e5\u4e00\u4e0b\u3002</div><div><br></div><div>\u8c22\u8c22\uff01</div><div>" + name + "</div></body></html>\n")
    bnd = "----=_001_NextPart371845263014_=----"
    body = multipart(bnd, [
        part('Content-Type: text/plain;\n\tcharset="GB2312"\nContent-Transfer-Encoding: base64', b64(text, "gb2312")),
        part('Content-Type: text/html;\n\tcharset="GB2312"\nContent-Transfer-Encoding: base64', b64(html, "gb2312")),
    ], preamble="This is a multi-part message in MIME format.\n")
    eml, mid = new_msg(n, ew_b(name, "GB2312", "gb2312") + " <wang.fang@example.com>", ew_b(subj, "GB2312", "gb2312"),
                       ["X-Priority: 3", "X-GUID: 5A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "X-Has-Attach: no",
                        "X-Mailer: Foxmail 7.2.25.375[cn]"],
                       'Content-Type: multipart/alternative;\n\tboundary="%s"' % bnd, None, body,
                       mid="<202511031922213714553@example.com>")
    case("charset-gb2312-foxmail", eml, {
        "description": "Chinese Foxmail message: multipart/alternative with GB2312 base64 text and HTML parts (HTML has a <style> with a Chinese font name), =?GB2312?B?...?= subject and From name, MIME preamble",
        "from": {"email": "wang.fang@example.com", "name": name},
        "subject": subj,
        "messageId": "<202511031922213714553@example.com>",
        "visibleTextContains": ["\u7533\u8bf7\u4e86\u9000\u6b3e", "\u8bf7\u5e2e\u6211\u67e5\u4e00\u4e0b"],
        "visibleTextExcludes": ["font-size", "This is a multi-part message in MIME format"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 23 UTF-8 with emoji, 8bit transfer encoding
def c_utf8_emoji():
    n = 23
    name = "Zo\u00eb Parker \U0001F338"
    subj = "Thanks so much! \U0001F389\U0001F44D"
    text = ("Got the package today \U0001F389 everything is perfect \U0001F44D\n"
            "My daughter \U0001F469\u200D\U0001F4BB loves the new laptop sleeve \u2764\uFE0F\n\n"
            "Zo\u00eb\n")
    eml, mid = new_msg(n, ew_b(name) + " <zoe.parker@example.com>", ew_b(subj),
                       ["User-Agent: K-9 Mail for Android"],
                       "Content-Type: text/plain; charset=utf-8", "8bit", text.encode("utf-8"),
                       mid="<8A7B6C5D-K9-0023@example.com>")
    case("charset-utf8-emoji-8bit", eml, {
        "description": "Android K-9 Mail message: raw UTF-8 8bit body with emoji (astral code points, ZWJ sequence, variation selector), emoji in B-encoded subject and display name",
        "from": {"email": "zoe.parker@example.com", "name": name},
        "subject": subj,
        "messageId": "<8A7B6C5D-K9-0023@example.com>",
        "visibleTextContains": ["Got the package today \U0001F389 everything is perfect \U0001F44D", "\U0001F469\u200D\U0001F4BB loves the new laptop sleeve \u2764\uFE0F"],
        "attachments": [],
        "autoReply": False,
    })


# ====================================================================== RFC 2047

def simple_text_case(n, name, desc, from_hdr, subject_hdr, text, exp, extra=(), ctype="Content-Type: text/plain; charset=UTF-8",
                     cte="quoted-printable", body=None):
    eml, mid = new_msg(n, from_hdr, subject_hdr, list(extra), ctype, cte, body if body is not None else qp(text))
    e = {"description": desc}
    e.update(exp)
    e.setdefault("messageId", mid)
    e.setdefault("attachments", [])
    e.setdefault("autoReply", False)
    case(name, eml, e)
    return eml


# ---- 24 adjacent encoded words, Q underscores, mixed charsets, folded
def c_rfc2047_adjacent():
    simple_text_case(
        24, "rfc2047-adjacent-encoded-words",
        "RFC 2047: subject of plain text followed by four adjacent encoded words (UTF-8 Q, ISO-8859-1 Q, lower-case utf-8 b) across folded lines; whitespace between adjacent encoded words must be dropped, underscores are spaces; From name split into two adjacent Q words",
        "=?utf-8?q?Fran=C3=A7ois?= =?utf-8?q?_Dupont?= <francois.dupont@example.org>",
        "Re: =?UTF-8?Q?Bestellung_Nr=2E_4731_?=\n =?UTF-8?Q?=E2=80=93_R=C3=BCckerstattung?= =?ISO-8859-1?Q?_f=FCr?=\n\t=?utf-8?b?IGRlbiBNYW50ZWw=?=",
        "Bonjour,\n\nje n\u2019ai toujours pas re\u00e7u le remboursement pour le manteau.\n\nFran\u00e7ois\n",
        {"from": {"email": "francois.dupont@example.org", "name": "Fran\u00e7ois Dupont"},
         "subject": "Re: Bestellung Nr. 4731 \u2013 R\u00fcckerstattung f\u00fcr den Mantel",
         "visibleTextContains": ["je n\u2019ai toujours pas re\u00e7u le remboursement"]})


# ---- 25 multi-byte character split across two encoded words
def c_rfc2047_split_multibyte():
    simple_text_case(
        25, "rfc2047-split-multibyte-char",
        "RFC 2047 violation seen in the wild (some PHP/Java mailers): a UTF-8 multi-byte sequence (\u00fc = C3 BC) is split across two adjacent encoded words; decoding the words' bytes together yields the intended text (Thunderbird/Gmail display it correctly). A strict per-word decoder would produce U+FFFD.",
        "Petra Lang <petra.lang@example.com>",
        "=?UTF-8?Q?Gr=C3?= =?UTF-8?Q?=BC=C3=9Fe_aus_K=C3=B6ln?=",
        "Hallo, nur ein kurzer Gru\u00df und Dank f\u00fcr die schnelle Lieferung.\n",
        {"from": {"email": "petra.lang@example.com", "name": "Petra Lang"},
         "subject": "Gr\u00fc\u00dfe aus K\u00f6ln",
         "visibleTextContains": ["Dank f\u00fcr die schnelle Lieferung"]})


# ---- 26 malformed: encoded word without closing ?=
def c_rfc2047_missing_end():
    simple_text_case(
        26, "rfc2047-malformed-missing-terminator",
        "Malformed RFC 2047: subject encoded word lacks the closing '?='; parser must not throw and must keep the text readable (raw or best-effort decoded)",
        "Oliver Twist <oliver.twist@example.org>",
        "=?UTF-8?Q?Problem_mit_der_Lieferung_4732",
        "The subject of this message is broken, but the body is fine. Order 4732 is missing a part.\n",
        {"from": {"email": "oliver.twist@example.org", "name": "Oliver Twist"},
         "subjectContains": "Lieferung",
         "visibleTextContains": ["Order 4732 is missing a part."]})


# ---- 27 malformed: unknown charset; encoded word inside a quoted string in From
def c_rfc2047_unknown_charset():
    simple_text_case(
        27, "rfc2047-unknown-charset-quoted-string",
        "Malformed RFC 2047: subject begins with an encoded word in an unknown charset (x-unknown) followed by plain text; From display name is an encoded word inside a quoted string (forbidden by RFC 2047 but produced by Foxmail and others; many clients decode it anyway, so the name is not checked)",
        "\"=?UTF-8?Q?Bj=C3=B6rn_Berg?=\" <bjorn.berg@example.net>",
        "=?x-unknown?Q?Hallo_Welt?= Bestellung 4733",
        "Hej, my parcel for order 4733 arrived without the charger.\n",
        {"from": {"email": "bjorn.berg@example.net"},
         "subjectContains": "Bestellung 4733",
         "visibleTextContains": ["arrived without the charger"]})


# ---- 28 malformed: bad base64 payload in a B word, encoded word glued to text
def c_rfc2047_bad_b64():
    simple_text_case(
        28, "rfc2047-bad-base64-and-glued",
        "Malformed RFC 2047: subject contains a B-encoded word with invalid padding/characters followed by plain text; a second encoded word is glued to preceding text without whitespace (not a valid encoded word per RFC, often decoded leniently)",
        "Quentin Blake <quentin.blake@example.com>",
        "=?UTF-8?B?SGFsbG8gV2Vsd!A=?= Anfrage 4734 Kunde=?UTF-8?Q?_M=C3=BCller?=",
        "Please call me back regarding request 4734.\n",
        {"from": {"email": "quentin.blake@example.com", "name": "Quentin Blake"},
         "subjectContains": "Anfrage 4734",
         "visibleTextContains": ["Please call me back regarding request 4734."]})


# ====================================================================== RFC 2231 / attachment names

INVOICE_PDF = fake_pdf("Rechnung 4735", 8)
LIEFERSCHEIN_PDF = fake_pdf("Lieferschein Maerz 2025", 5)
ADDRESS_TXT = "Kundennummer: 100234\r\nAdresse: Hauptstra\u00dfe 1, 10115 Berlin\r\n".encode("utf-8")
XLSX_BYTES = b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(range(256)) * 2 + b"PK\x05\x06" + b"\x00" * 18
PRICE_XLSX = b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(reversed(range(256))) + b"PK\x05\x06" + b"\x00" * 18


def tb_mixed(n, from_hdr, subject, text, att_parts, exp, bnd, extra=()):
    body = multipart(bnd, [part("Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 8bit", text.encode("utf-8"))] + att_parts,
                     preamble="This is a multi-part message in MIME format.")
    eml, mid = new_msg(n, from_hdr, subject, ["User-Agent: Mozilla Thunderbird", "Content-Language: de-DE"] + list(extra),
                       'Content-Type: multipart/mixed; boundary="%s"' % bnd, None, body)
    e = dict(exp)
    e.setdefault("messageId", mid)
    e.setdefault("autoReply", False)
    return eml, e


# ---- 29 RFC 2231 filename*=UTF-8''%E2%82%AC%20rechnung.pdf
def c_rfc2231_simple():
    n = 29
    eml, e = tb_mixed(n, "Martin Vogel <martin.vogel@example.com>", "Rechnung anbei",
                      "Hallo,\n\nanbei die Rechnung, bitte pr\u00fcfen.\n\nMartin\n",
                      [part("Content-Type: application/pdf; name=\"=?UTF-8?Q?=e2=82=ac_rechnung=2epdf?=\"\n"
                            "Content-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20rechnung.pdf\n"
                            "Content-Transfer-Encoding: base64", b64(INVOICE_PDF))],
                      {"description": "Thunderbird attachment with RFC 2231 extended filename (filename*=UTF-8''%E2%82%AC%20rechnung.pdf) and an RFC 2047 name= fallback on Content-Type; 8bit format=flowed body",
                       "from": {"email": "martin.vogel@example.com", "name": "Martin Vogel"},
                       "subject": "Rechnung anbei",
                       "visibleTextContains": ["anbei die Rechnung, bitte pr\u00fcfen."],
                       "attachments": [att("\u20ac rechnung.pdf", "application/pdf", len(INVOICE_PDF))]},
                      "------------tB2fR8v0aQ1mZx3K7pLw9e4D")
    case("rfc2231-filename-utf8", eml, e)


# ---- 30 RFC 2231 continuations
def c_rfc2231_continuation():
    n = 30
    fname = "Lieferschein M\u00e4rz 2025 \u2013 Bestellung 4736 mit sehr langem Namen.pdf"
    eml, e = tb_mixed(n, "Martin Vogel <martin.vogel@example.com>", "Lieferschein und Adresse",
                      "Hallo,\n\nhier der Lieferschein und meine Adresse als Textdatei.\n\nMartin\n",
                      [part("Content-Type: application/pdf;\n name*0*=UTF-8''Lieferschein%20M%C3%A4rz%202025%20%E2%80%93%20Bestell;\n"
                            " name*1*=ung%204736%20mit%20sehr%20langem%20Namen.pdf\n"
                            "Content-Disposition: attachment;\n filename*0*=UTF-8''Lieferschein%20M%C3%A4rz%202025%20%E2%80%93%20Bes;\n"
                            " filename*1*=tellung%204736%20mit%20sehr%20lange;\n filename*2*=m%20Namen.pdf\n"
                            "Content-Transfer-Encoding: base64", b64(LIEFERSCHEIN_PDF)),
                       part("Content-Type: text/plain; charset=UTF-8;\n name*0=\"Kundennummer_und_Lieferadresse_fuer_die_Bestellung_\";\n"
                            " name*1=\"4736.txt\"\nContent-Disposition: attachment;\n"
                            " filename*0=\"Kundennummer_und_Lieferadresse_fuer_die_Bestellung_\";\n filename*1=\"4736.txt\"\n"
                            "Content-Transfer-Encoding: base64", b64(ADDRESS_TXT))],
                      {"description": "RFC 2231 parameter continuations: extended (charset-encoded) filename*0*/filename*1*/filename*2* and plain quoted filename*0/filename*1, as Thunderbird writes long names; name*N* on Content-Type split at different points",
                       "from": {"email": "martin.vogel@example.com", "name": "Martin Vogel"},
                       "subject": "Lieferschein und Adresse",
                       "visibleTextContains": ["hier der Lieferschein und meine Adresse als Textdatei."],
                       "attachments": [att(fname, "application/pdf", len(LIEFERSCHEIN_PDF)),
                                       att("Kundennummer_und_Lieferadresse_fuer_die_Bestellung_4736.txt", "text/plain", len(ADDRESS_TXT))]},
                      "------------Xc0nT1nu4t10nB0und4ry30")
    case("rfc2231-filename-continuation", eml, e)


# ---- 31 Outlook: filename only as an RFC 2047 word in name=
def c_outlook_rfc2047_name():
    n = 31
    f1 = "\u00dcbersicht R\u00fccksendung.xlsx"
    f2 = "Preis\u00fcbersicht 2025.xlsx"
    bnd = "_004_AM0PR06MB1234ABCDEF567890AM0PR06MB1234eurp_"
    bnd_alt = "_000_AM0PR06MB1234ABCDEF567890AM0PR06MB1234eurp_"
    xl = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    body = multipart(bnd, [
        part('Content-Type: multipart/alternative;\n\tboundary="%s"' % bnd_alt, multipart(bnd_alt, [
            part('Content-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable',
                 qp("Guten Tag,\n\nanbei die \u00dcbersicht der R\u00fccksendungen und die Preisliste.\n\nGr\u00fc\u00dfe\nTanja Berger\n", "latin-1")),
            part('Content-Type: text/html; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable',
                 qp("<html><head><style>p.MsoNormal{margin:0cm;font-family:\"Calibri\",sans-serif;}</style></head><body><div class=\"WordSection1\">"
                    "<p class=\"MsoNormal\">Guten Tag,</p><p class=\"MsoNormal\">&nbsp;</p><p class=\"MsoNormal\">anbei die &Uuml;bersicht der R&uuml;cksendungen und die Preisliste.</p>"
                    "<p class=\"MsoNormal\">&nbsp;</p><p class=\"MsoNormal\">Gr&uuml;&szlig;e<br>Tanja Berger</p></div></body></html>\n", "latin-1")),
        ])),
        part('Content-Type: %s;\n\tname="%s"\nContent-Description: %s\nContent-Disposition: attachment;\n\tsize=%d;\n'
             '\tcreation-date="Mon, 03 Nov 2025 09:58:12 GMT";\n\tmodification-date="Mon, 03 Nov 2025 09:58:12 GMT"\n'
             'Content-Transfer-Encoding: base64' % (xl, ew_b(f1, "utf-8"), ew_b(f1, "utf-8"), len(XLSX_BYTES)), b64(XLSX_BYTES)),
        part('Content-Type: %s;\n\tname="%s"\nContent-Description: %s\nContent-Disposition: attachment;\n\tfilename="%s"; size=%d;\n'
             '\tcreation-date="Mon, 03 Nov 2025 09:58:30 GMT";\n\tmodification-date="Mon, 03 Nov 2025 09:58:30 GMT"\n'
             'Content-Transfer-Encoding: base64' % (xl, ew_q(f2, "iso-8859-1"), ew_q(f2, "iso-8859-1"), ew_q(f2, "iso-8859-1"), len(PRICE_XLSX)), b64(PRICE_XLSX)),
    ])
    eml, mid = new_msg(n, "Tanja Berger <tanja.berger@example.org>", "=?iso-8859-1?Q?=DCbersicht_R=FCcksendungen?=",
                       ["Thread-Topic: =?iso-8859-1?Q?=DCbersicht_R=FCcksendungen?=", "Thread-Index: AdxMzfakeindex0031==",
                        "Accept-Language: de-DE, en-US", "Content-Language: de-DE", "X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:"],
                       'Content-Type: multipart/mixed;\n\tboundary="%s"' % bnd, None, body,
                       mid="<AM0PR06MB1234ABCDEF567890@AM0PR06MB1234.eurprd06.prod.outlook.com>")
    case("outlook-rfc2047-attachment-name", eml, {
        "description": "Outlook/Exchange attachments: the first has its filename ONLY as an RFC 2047 base64 word in Content-Type name= (Content-Disposition has size/creation-date but no filename); the second uses RFC 2047 Q words in name= and filename= (not RFC 2231). Body is multipart/alternative ISO-8859-1 QP",
        "from": {"email": "tanja.berger@example.org", "name": "Tanja Berger"},
        "subject": "\u00dcbersicht R\u00fccksendungen",
        "messageId": "<AM0PR06MB1234ABCDEF567890@AM0PR06MB1234.eurprd06.prod.outlook.com>",
        "visibleTextContains": ["anbei die \u00dcbersicht der R\u00fccksendungen und die Preisliste."],
        "visibleTextExcludes": ["MsoNormal"],
        "attachments": [att(f1, xl, len(XLSX_BYTES)), att(f2, xl, len(PRICE_XLSX))],
        "autoReply": False,
    })


# ====================================================================== attachments / structure

ORDER_PDF = fake_pdf("Order 4737 receipt", 10)
NOTES_TXT = "Serial number: SN-0042-XYZ\r\nPurchased: 2025-10-28\r\nProblem: does not power on\r\n".encode("ascii")
LOGO_PNG = fake_png(8, 8, (0x1f, 0x6f, 0xb4))
PHOTO_PNG = fake_png(12, 10, (0xc0, 0x40, 0x20))
SCREENSHOT_PNG = fake_png(16, 9, (0x30, 0x30, 0x30))


# ---- 32 PDF + TXT + zero-byte attachment (Thunderbird)
def c_attachments_basic():
    n = 32
    eml, e = tb_mixed(n, "Nina Patel <nina.patel@example.net>", "Warranty claim order 4737",
                      "Hello,\n\nthe device from order 4737 does not power on. Receipt, notes and the (empty) log are attached.\n\nNina\n",
                      [part('Content-Type: application/pdf; name="receipt-4737.pdf"\nContent-Disposition: attachment; filename="receipt-4737.pdf"\n'
                            "Content-Transfer-Encoding: base64", b64(ORDER_PDF)),
                       part('Content-Type: text/plain; charset=UTF-8; name="notes.txt"\nContent-Disposition: attachment; filename="notes.txt"\n'
                            "Content-Transfer-Encoding: base64", b64(NOTES_TXT)),
                       part('Content-Type: application/octet-stream; name="device.log"\nContent-Disposition: attachment; filename="device.log"\n'
                            "Content-Transfer-Encoding: base64", b"")],
                      {"description": "Thunderbird multipart/mixed: text body + base64 PDF + base64 .txt attachment (text/plain with disposition attachment must NOT be treated as body text) + zero-byte attachment (empty base64 body)",
                       "from": {"email": "nina.patel@example.net", "name": "Nina Patel"},
                       "subject": "Warranty claim order 4737",
                       "visibleTextContains": ["the device from order 4737 does not power on."],
                       "visibleTextExcludes": ["Serial number: SN-0042-XYZ"],
                       "attachments": [att("receipt-4737.pdf", "application/pdf", len(ORDER_PDF)),
                                       att("notes.txt", "text/plain", len(NOTES_TXT)),
                                       att("device.log", "application/octet-stream", 0)]},
                      "------------Zm1xZWRBdHRhY2htZW50czMy")
    case("attachments-pdf-txt-empty", eml, e)


# ---- 33 Outlook multipart/related with inline PNG referenced by cid:
def c_related_inline_png():
    n = 33
    cid = "image001.png@01DC4C8A.5E2F3B10"
    bnd_rel = "_005_VI1PR08MB5555AAAABBBBCCCCVI1PR08MB5555eurp_"
    bnd_alt = "_000_VI1PR08MB5555AAAABBBBCCCCVI1PR08MB5555eurp_"
    plain = "Hi,\n\nthis is the error I see at checkout:\n\n[cid:%s]\n\nRegards,\nOmar Haddad\n" % cid
    html = ('<html><head><style>p.MsoNormal{margin:0cm;font-family:"Calibri",sans-serif;}</style></head><body><div class="WordSection1">'
            '<p class="MsoNormal">Hi,</p><p class="MsoNormal">&nbsp;</p><p class="MsoNormal">this is the error I see at checkout:</p>'
            '<p class="MsoNormal"><img width="16" height="9" style="width:.1666in;height:.0937in" id="Picture_x0020_1" src="cid:%s" alt="screenshot"></p>'
            '<p class="MsoNormal">&nbsp;</p><p class="MsoNormal">Regards,<br>Omar Haddad</p></div></body></html>\n' % cid)
    body = multipart(bnd_rel, [
        part('Content-Type: multipart/alternative;\n\tboundary="%s"' % bnd_alt, multipart(bnd_alt, [
            part('Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: quoted-printable', qp(plain)),
            part('Content-Type: text/html; charset="us-ascii"\nContent-Transfer-Encoding: quoted-printable', qp(html)),
        ])),
        part('Content-Type: image/png; name="image001.png"\nContent-Description: image001.png\n'
             'Content-Disposition: inline; filename="image001.png"; size=%d;\n\tcreation-date="Mon, 03 Nov 2025 10:20:00 GMT";\n'
             '\tmodification-date="Mon, 03 Nov 2025 10:20:00 GMT"\nContent-ID: <%s>\nContent-Transfer-Encoding: base64' % (len(SCREENSHOT_PNG), cid),
             b64(SCREENSHOT_PNG)),
    ])
    eml, mid = new_msg(n, "Omar Haddad <omar.haddad@example.com>", "Checkout error",
                       ["Thread-Topic: Checkout error", "Thread-Index: AdxMzeFakeIndex0033==", "Accept-Language: en-US",
                        "Content-Language: en-US", "X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:"],
                       'Content-Type: multipart/related;\n\tboundary="%s";\n\ttype="multipart/alternative"' % bnd_rel, None, body,
                       mid="<VI1PR08MB5555AAAABBBBCCCC@VI1PR08MB5555.eurprd08.prod.outlook.com>")
    case("related-inline-png-cid", eml, {
        "description": "Outlook multipart/related (type=multipart/alternative) with an inline PNG (Content-Disposition: inline, Content-ID) referenced from the HTML via cid:",
        "from": {"email": "omar.haddad@example.com", "name": "Omar Haddad"},
        "subject": "Checkout error",
        "messageId": "<VI1PR08MB5555AAAABBBBCCCC@VI1PR08MB5555.eurprd08.prod.outlook.com>",
        "visibleTextContains": ["this is the error I see at checkout:"],
        "visibleTextExcludes": ["MsoNormal"],
        "attachments": [att("image001.png", "image/png", len(SCREENSHOT_PNG), True, cid)],
        "autoReply": False,
    })


# ---- 34 Apple Mail: mixed > related > alternative > plain + html, plus attachment
def c_nested_multipart():
    n = 34
    cid = "F1E2D3C4-B5A6-4978-8695-A4B3C2D1E0F9"
    b_mix = "Apple-Mail=_11111111-2222-4333-8444-555555555555"
    b_rel = "Apple-Mail=_66666666-7777-4888-9999-AAAAAAAAAAAA"
    b_alt = "Apple-Mail=_BBBBBBBB-CCCC-4DDD-8EEE-FFFFFFFFFFFF"
    plain = "Hello,\n\nhere is a photo of the scratch on the table top, and the delivery note.\n\nKind regards\nRachel\n"
    html = ('<html><head><meta http-equiv="content-type" content="text/html; charset=us-ascii"></head>'
            '<body style="overflow-wrap: break-word;"><div>Hello,</div><div><br></div>'
            '<div>here is a photo of the scratch on the table top, and the delivery note.</div><div><br></div>'
            '<div><img apple-inline="yes" id="A1B2C3D4" src="cid:%s" alt="scratch.png"></div><div><br></div>'
            '<div>Kind regards</div><div>Rachel</div></body></html>' % cid)
    body = multipart(b_mix, [
        part('Content-Type: multipart/related;\n\ttype="text/html";\n\tboundary="%s"' % b_rel, multipart(b_rel, [
            part('Content-Type: multipart/alternative;\n\tboundary="%s"' % b_alt, multipart(b_alt, [
                part("Content-Transfer-Encoding: 7bit\nContent-Type: text/plain;\n\tcharset=us-ascii", plain),
                part("Content-Transfer-Encoding: 7bit\nContent-Type: text/html;\n\tcharset=us-ascii", html),
            ])),
            part('Content-Transfer-Encoding: base64\nContent-Disposition: inline;\n\tfilename=scratch.png\n'
                 'Content-Type: image/png;\n\tx-unix-mode=0644;\n\tname="scratch.png"\nContent-Id: <%s>' % cid, b64(PHOTO_PNG)),
        ])),
        part('Content-Disposition: attachment;\n\tfilename=delivery-note.pdf\nContent-Type: application/pdf;\n\tx-unix-mode=0644;\n\tname="delivery-note.pdf"\n'
             'Content-Transfer-Encoding: base64', b64(ORDER_PDF)),
    ])
    eml, mid = new_msg(n, "Rachel Green <rachel.green@example.org>", "Scratched table",
                       ["X-Mailer: Apple Mail (2.3826.200.121)"],
                       'Content-Type: multipart/mixed;\n\tboundary="%s"' % b_mix, None, body,
                       mid="<3C2B1A09-8F7E-4D6C-B5A4-938271605F4E@example.org>")
    eml = eml.replace(b"MIME-Version: 1.0", b"Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))")
    case("nested-mixed-related-alternative", eml, {
        "description": "Apple Mail nesting: multipart/mixed > multipart/related > multipart/alternative > text/plain + text/html, an inline image (Content-Id, unquoted filename) in the related part, and a PDF attachment in the mixed part",
        "from": {"email": "rachel.green@example.org", "name": "Rachel Green"},
        "subject": "Scratched table",
        "messageId": "<3C2B1A09-8F7E-4D6C-B5A4-938271605F4E@example.org>",
        "visibleTextContains": ["here is a photo of the scratch on the table top, and the delivery note."],
        "attachments": [att("scratch.png", "image/png", len(PHOTO_PNG), True, cid),
                        att("delivery-note.pdf", "application/pdf", len(ORDER_PDF))],
        "autoReply": False,
    })


# ---- 35 forwarded message as message/rfc822
def c_forward_rfc822():
    n = 35
    inner_bnd = "0000000000003f1e2d063f7a8b9c"
    inner_body = multipart(inner_bnd, [
        part('Content-Type: text/plain; charset="UTF-8"', "Dear customer,\n\nplease find your invoice INV-2025-4738 attached.\n\nSeller Ltd\n"),
        part('Content-Type: application/pdf; name="INV-2025-4738.pdf"\nContent-Disposition: attachment; filename="INV-2025-4738.pdf"\n'
             'Content-Transfer-Encoding: base64\nContent-ID: <f_mh1abcd0>\nX-Attachment-Id: f_mh1abcd0', b64(INVOICE_PDF)),
    ])
    inner = crlf(headers(
        "MIME-Version: 1.0",
        "From: Seller Ltd <billing@example.org>",
        "Date: Fri, 31 Oct 2025 16:20:00 +0000",
        "Message-ID: <CAB12345invoice4738@mail.gmail.com>",
        "Subject: Your invoice INV-2025-4738",
        "To: Sam Taylor <sam.taylor@example.com>",
        'Content-Type: multipart/mixed; boundary="%s"' % inner_bnd,
    ) + b"\n\n" + inner_body)
    bnd = "------------F0rw4rd3dAsAtt4chm3nt35"
    body = multipart(bnd, [
        part("Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 7bit",
             "Hi support,\n\nforwarding the invoice I got from the seller - the amount is wrong, it should be 49.90.\n\nSam\n"),
        part("Content-Type: message/rfc822\nContent-Disposition: attachment", inner),
    ], preamble="This is a multi-part message in MIME format.")
    eml, mid = new_msg(n, "Sam Taylor <sam.taylor@example.com>", "Fwd: Your invoice INV-2025-4738",
                       ["User-Agent: Mozilla Thunderbird"], 'Content-Type: multipart/mixed; boundary="%s"' % bnd, None, body)
    case("forward-as-rfc822-attachment", eml, {
        "description": "Thunderbird 'forward as attachment': the forwarder's note plus a message/rfc822 part without filename; the forwarded message has its own PDF attachment which must NOT be listed separately. Size of the message/rfc822 entry = bytes between the part's blank line and the CRLF before the next boundary.",
        "from": {"email": "sam.taylor@example.com", "name": "Sam Taylor"},
        "subject": "Fwd: Your invoice INV-2025-4738",
        "messageId": mid,
        "visibleTextContains": ["forwarding the invoice I got from the seller", "it should be 49.90."],
        "visibleTextExcludes": ["please find your invoice INV-2025-4738 attached"],
        "attachments": [att("Your invoice INV-2025-4738.eml", "message/rfc822", len(inner))],
        "autoReply": False,
    })


# ---- 36 HTML-only with tables, lists, entities, style, script
def c_html_only_rich():
    n = 36
    html = """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Order question</title>
<style type="text/css">
.x_footer { color: #ff0000; font-family: Arial; }
td.price { text-align: right; }
</style>
<script type="text/javascript">
var trackingPixelId = "abc123"; document.write("tracking");
</script>
</head>
<body>
<!-- hidden comment: internal-note-xyz -->
<p>Hello&nbsp;Support,</p>
<p>I ordered the following items for Smith &amp; Sons Caf&eacute;:<br>
(delivery to &lt;back entrance&gt;)</p>
<table border="1" cellpadding="2">
<tr><th>Item</th><th>Qty</th><th>Price</th></tr>
<tr><td>Espresso cups</td><td>6</td><td class="price">&euro;&nbsp;24,00</td></tr>
<tr><td>Cr&egrave;me br&ucirc;l&eacute;e dishes</td><td>4</td><td class="price">&#8364; 18,50</td></tr>
</table>
<ul>
<li>The cups arrived &ndash; fine</li>
<li>The dishes are missing</li>
</ul>
<ol><li>Please ship the dishes</li><li>or refund &#x20AC;18,50</li></ol>
<p>Details on <a href="https://www.example.com/orders/4739">your order page</a>.</p>
<div class="x_footer">Sent via the example.com contact form</div>
</body>
</html>
"""
    eml, mid = new_msg(n, "Smith & Sons <orders@example.org>", "Order question 4739", [],
                       'Content-Type: text/html; charset="utf-8"', "quoted-printable", qp(html))
    eml = eml.replace(b"From: Smith & Sons <orders@example.org>", b'From: "Smith & Sons" <orders@example.org>')
    case("html-only-tables-entities", eml, {
        "description": "HTML-only message (no text/plain alternative) with table, <br>, <p>, ul/ol lists, a link, named and numeric entities, an HTML comment, <style> and <script> whose content must not appear in the text",
        "from": {"email": "orders@example.org", "name": "Smith & Sons"},
        "subject": "Order question 4739",
        "messageId": mid,
        "visibleTextContains": ["Smith & Sons Caf\u00e9", "<back entrance>", "Espresso cups", "Cr\u00e8me br\u00fbl\u00e9e dishes", "The dishes are missing",
                                "18,50", "your order page"],
        "visibleTextExcludes": ["trackingPixelId", "document.write", "font-family", "text-align", "internal-note-xyz", "&amp;", "&eacute;", "<td", "<br"],
        "attachments": [],
        "autoReply": False,
    })


# ====================================================================== broken MIME

def b64_lenient_size(s):
    t = re.sub(r"[^A-Za-z0-9+/]", "", s)
    t = t[: len(t) - (len(t) % 4)] if len(t) % 4 == 1 else t + "=" * (-len(t) % 4)
    return len(base64.b64decode(t))


# ---- 37 multipart without closing boundary
def c_missing_close_boundary():
    n = 37
    bnd = "----=_Part_37_1122334455.1762170000000"
    body = multipart(bnd, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit",
             "Hello,\n\nattached is the photo of the defective zipper (order 4740).\n\nUma\n"),
        part('Content-Type: image/png; name="zipper.png"\nContent-Disposition: attachment; filename="zipper.png"\nContent-Transfer-Encoding: base64',
             b64(LOGO_PNG)),
    ], close=False)
    eml, mid = new_msg(n, "Uma Thurman <uma.t@example.net>", "Defective zipper", ["X-Mailer: PHPMailer 6.9.1 (https://github.com/PHPMailer/PHPMailer)"],
                       'Content-Type: multipart/mixed; boundary="%s"' % bnd, None, body)
    case("broken-missing-closing-boundary", eml, {
        "description": "Broken MIME: multipart/mixed whose closing boundary line ('--boundary--') is missing (message truncated by a web form mailer); both parts are complete and should be recovered",
        "from": {"email": "uma.t@example.net", "name": "Uma Thurman"},
        "subject": "Defective zipper",
        "messageId": mid,
        "visibleTextContains": ["attached is the photo of the defective zipper (order 4740)."],
        "attachments": [att("zipper.png", "image/png", len(LOGO_PNG))],
        "autoReply": False,
        "parseProblems": True,
    })


# ---- 38 declared boundary never appears
def c_boundary_never_appears():
    n = 38
    body = ("Please cancel my order 4741 immediately, I ordered it twice by mistake.\n\n"
            "Victor Hugo\nCustomer no. 55120\n")
    eml, mid = new_msg(n, "Victor Hugo <victor.hugo@example.org>", "Cancel order 4741", ["X-Mailer: CustomShopScript/0.9"],
                       'Content-Type: multipart/mixed; boundary="=_b1c2d3e4f5a6b7c8d9e0"', None, body)
    case("broken-boundary-never-appears", eml, {
        "description": "Broken MIME: Content-Type declares multipart/mixed with a boundary that never occurs in the body (the body is plain text); the text must be recovered (e.g. treated as a single text/plain part / preamble), not lost",
        "from": {"email": "victor.hugo@example.org", "name": "Victor Hugo"},
        "subject": "Cancel order 4741",
        "messageId": mid,
        "fullTextContains": ["Please cancel my order 4741 immediately"],
        "attachments": [],
        "autoReply": False,
        "parseProblems": True,
    })


# ---- 39 base64 attachment with invalid characters and wrong padding
def c_bad_base64():
    n = 39
    data = fake_pdf("Damaged base64", 4)
    enc = base64.encodebytes(data).decode("ascii").rstrip("\n").split("\n")
    # inject junk characters in a few lines, drop the final padding and add a stray '=' mid-stream
    enc[1] = enc[1][:20] + "!*" + enc[1][20:]
    enc[3] = enc[3][:10] + " \t" + enc[3][10:40] + "#" + enc[3][40:]
    enc[-1] = enc[-1].rstrip("=") + "==="
    enc[2] = enc[2] + "="
    enc_s = "\n".join(enc)
    size = b64_lenient_size(enc_s)
    bnd = "------------BadB64B0undary39"
    body = multipart(bnd, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit",
             "Hi, the scanned form for order 4742 is attached.\n\nWendy\n"),
        part('Content-Type: application/pdf; name="form-4742.pdf"\nContent-Disposition: attachment; filename="form-4742.pdf"\nContent-Transfer-Encoding: base64', enc_s),
    ])
    eml, mid = new_msg(n, "Wendy Darling <wendy.darling@example.com>", "Scanned form", [],
                       'Content-Type: multipart/mixed; boundary="%s"' % bnd, None, body)
    case("broken-bad-base64-attachment", eml, {
        "description": "Broken MIME: base64 attachment containing invalid characters ('!', '*', space/tab, '#'), a stray '=' inside the stream and wrong final padding ('==='); expected size = what decodes when every non-alphabet character is skipped (Python: b64decode(re.sub('[^A-Za-z0-9+/]', '', s)) padded to a multiple of 4)",
        "from": {"email": "wendy.darling@example.com", "name": "Wendy Darling"},
        "subject": "Scanned form",
        "messageId": mid,
        "visibleTextContains": ["the scanned form for order 4742 is attached."],
        "attachments": [att("form-4742.pdf", "application/pdf", size)],
        "autoReply": False,
        "parseProblems": True,
    })


# ---- 40 text/plain without charset containing 8-bit (windows-1252 / latin-1) bytes
def c_8bit_no_charset():
    n = 40
    text = "Gr\u00fc\u00dfe aus M\u00fcnchen! Die Lieferung 4743 kam besch\u00e4digt an.\n\nXaver\n"
    eml, mid = new_msg(n, "Xaver Huber <xaver.huber@example.net>", "Lieferung 4743 beschaedigt", ["X-Mailer: Old Webmail 1.2"],
                       "Content-Type: text/plain", "8bit", text.encode("cp1252"))
    case("broken-8bit-without-charset", eml, {
        "description": "Content-Type: text/plain without charset parameter (RFC default us-ascii) but the body contains raw 8-bit windows-1252/latin-1 bytes (invalid UTF-8). Expected: parser falls back to windows-1252 (or ISO-8859-1) once the bytes are not valid UTF-8, and reports the defect",
        "from": {"email": "xaver.huber@example.net", "name": "Xaver Huber"},
        "subject": "Lieferung 4743 beschaedigt",
        "messageId": mid,
        "fullTextContains": ["Die Lieferung 4743 kam"],
        "visibleTextContains": ["Gr\u00fc\u00dfe aus M\u00fcnchen!", "besch\u00e4digt an."],
        "attachments": [],
        "autoReply": False,
        "parseProblems": True,
    })


# ---- 41 no Content-Type and no MIME-Version at all
def c_no_content_type():
    n = 41
    h = headers(ses_received("yusuf@example.com", "mail.example.com", "192.0.2.141", n),
                "From: yusuf@example.com",
                "To: support@help.example.com",
                "Subject: order status",
                "Date: Mon, 03 Nov 2025 13:41:00 +0000",
                "Message-ID: <20251103134100.GA4744@example.com>",
                "User-Agent: Mutt/2.2.12 (2023-09-09)")
    body = "hi,\nwhat is the status of order 4744? no update since last week.\nyusuf\n"
    case("no-content-type", message(h, body), {
        "description": "Minimal Mutt-style message with no MIME-Version and no Content-Type header (defaults to text/plain; charset=us-ascii per RFC 2045); bare address in From without display name",
        "from": {"email": "yusuf@example.com", "name": None},
        "subject": "order status",
        "messageId": "<20251103134100.GA4744@example.com>",
        "inReplyTo": None,
        "references": [],
        "visibleTextContains": ["what is the status of order 4744?"],
        "attachments": [],
        "autoReply": False,
    })


# ---- 42 no Subject and no Message-ID
def c_no_subject_no_msgid():
    n = 42
    h = headers(ses_received("zara@example.org", "mail.example.org", "192.0.2.142", n),
                "From: Zara Ahmed <zara@example.org>",
                "To: support@help.example.com",
                "Date: Mon, 03 Nov 2025 13:42:00 +0000",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=utf-8",
                "Content-Transfer-Encoding: 7bit")
    body = "I forgot the subject. My order number is 4745 and the size is wrong.\n"
    case("no-subject-no-message-id", message(h, body), {
        "description": "Message without Subject and without Message-ID headers (sent by a broken script); subject is expected to be absent (null), messageId null",
        "from": {"email": "zara@example.org", "name": "Zara Ahmed"},
        "subject": None,
        "messageId": None,
        "inReplyTo": None,
        "references": [],
        "visibleTextContains": ["My order number is 4745 and the size is wrong."],
        "attachments": [],
        "autoReply": False,
    })


# ---- 43 badly folded headers
def c_bad_folding():
    n = 43
    sid = ses_id(n)
    first = "<first-4746@example.com>"
    long_val = " ".join("token%03d" % i for i in range(150))  # ~1200-char unfolded header line
    h = headers(ses_received("adam.smith@example.com", "mail.example.com", "192.0.2.143", n),
                "From: \"Adam\n\t Smith\"\n  <adam.smith@example.com>",
                "To:\n support@help.example.com",
                "Subject: =?UTF-8?Q?Lieferung_versp=C3=A4\n tet?= order 4746\n\t  still\n missing",
                "Date: Mon, 03 Nov 2025 13:43:00\n +0000",
                "Message-ID:\n\t<folded-4746@example.com>",
                "In-Reply-To:\n\t" + sid,
                "References: " + first + "\n\t\n\t" + sid.replace("@", "@") + "   ",
                "X-Very-Long-Header: " + long_val,
                "MIME-Version: 1.0",
                "Content-Type: text/plain;\n charset=\"utf-8\";\n\n format=fixed".replace("\n\n", "\n"),
                "Content-Transfer-Encoding: 7bit")
    body = "Order 4746 is still missing, please check.\n\nAdam\n"
    case("broken-badly-folded-headers", message(h, body), {
        "description": "Badly folded headers: display name folded inside the quoted string, address on a continuation line, field bodies starting on the next line (To:, Message-ID:, In-Reply-To:), an encoded word split by folding in the middle (broken word -> subjectContains), a References continuation line that contains only whitespace (obs-FWS), trailing whitespace, and a 1200+ character unfolded header line",
        "from": {"email": "adam.smith@example.com"},
        "subjectContains": "order 4746",
        "messageId": "<folded-4746@example.com>",
        "inReplyTo": sid,
        "references": [first, sid],
        "visibleTextContains": ["Order 4746 is still missing, please check."],
        "attachments": [],
        "autoReply": False,
    })


# ====================================================================== auto-replies

def auto_case(n, name, desc, from_hdr, subject, extra, body, reason, auto=True, irt=True, return_path=None, exp_extra=None):
    sid = ses_id(n)
    hdr_extra = list(extra)
    if irt:
        hdr_extra = ["In-Reply-To: " + sid, "References: " + sid] + hdr_extra
    eml, mid = new_msg(n, from_hdr, subject, hdr_extra, "Content-Type: text/plain; charset=utf-8", "quoted-printable", qp(body))
    if return_path is not None:
        eml = re.sub(rb"^Return-Path: <[^>]*>\r\n", ("Return-Path: %s\r\n" % return_path).encode() if return_path else b"", eml)
    m = re.search(r"^(?:\"?([^\"<]*?)\"?\s*)?<([^>]+)>$", from_hdr)
    e = {"description": desc,
         "from": {"email": m.group(2), "name": m.group(1) or None},
         "subject": subject,
         "messageId": mid}
    if irt:
        e["inReplyTo"] = sid
    e["autoReply"] = auto
    if auto:
        e["autoReplyReason"] = reason
    e.update(exp_extra or {})
    case(name, eml, e)


def c_autoreplies():
    auto_case(44, "autoreply-auto-submitted-auto-replied",
              "Gmail vacation responder: 'Auto-Submitted: auto-replied' (RFC 3834)",
              "Alice M\u00fcller <alice.mueller@example.com>".replace("Alice M\u00fcller", "Alice Mueller"),
              "Re: [Ticket #4711] Where is my parcel?",
              ["Auto-Submitted: auto-replied"],
              "Hi, I'm on vacation until 10 November with limited access to email.\n", "auto-submitted")
    auto_case(45, "autoreply-auto-submitted-auto-generated",
              "Notification from another ticket system: 'Auto-Submitted: auto-generated' (no Precedence header)",
              "Example Org Service Desk <servicedesk@example.org>",
              "[SD-88231] Your request has been received",
              ["Auto-Submitted: auto-generated", "X-Mailer: ServiceDeskPro 12.4"],
              "Thank you for your email. Your request SD-88231 has been logged.\n", "auto-submitted", irt=True)
    auto_case(46, "autoreply-x-autoreply-yes",
              "Webmail autoresponder marking itself only with 'X-Autoreply: yes'",
              "Boris Ivanov <boris.ivanov@example.net>",
              "Auto: Re: [Ticket #4750] Refund",
              ["X-Autoreply: yes"],
              "I am currently out of the office and will reply when I am back.\n", "x-autoreply")
    auto_case(47, "autoreply-x-autorespond",
              "cPanel/Exim-style autoresponder with only 'X-Autorespond:' set",
              "Info Desk <info@example.org>",
              "Thanks for your message",
              ["X-Autorespond: Thanks for your message"],
              "We have received your message and will answer within 48 hours.\n", "x-autorespond")
    auto_case(48, "autoreply-precedence-bulk",
              "Newsletter / bulk mail with 'Precedence: bulk' and List-Unsubscribe headers",
              "Example Deals <news@example.net>",
              "Black Friday starts now",
              ["Precedence: bulk", "List-Unsubscribe: <mailto:unsubscribe@example.net?subject=unsubscribe>, <https://example.net/u/abc123>",
               "List-Unsubscribe-Post: List-Unsubscribe=One-Click"],
              "Up to 50% off everything this weekend only.\n", "precedence", irt=False)
    auto_case(49, "autoreply-precedence-junk",
              "Classic Unix vacation(1) reply marked 'Precedence: junk'",
              "Carl Jung <carl.jung@example.com>",
              "away from my mail",
              ["Precedence: junk"],
              "I will not be reading my mail until Monday, 17 November.\n", "precedence")
    auto_case(50, "autoreply-precedence-list",
              "Mailing-list traffic: 'Precedence: list' with List-Id (e.g. support address subscribed to a list)",
              "Dora Explorer <dora@example.org>",
              "[users] Question about invoices",
              ["Precedence: list", "List-Id: Users discussion <users.lists.example.org>", "List-Post: <mailto:users@lists.example.org>",
               "Sender: users-bounces@lists.example.org"],
              "Does anyone know how to get a VAT invoice from the shop?\n", "precedence", irt=False)
    auto_case(51, "autoreply-outlook-automatic-reply",
              "Exchange / Outlook out-of-office: subject 'Automatic reply: ...' with 'X-Auto-Response-Suppress: All' (no Auto-Submitted header)",
              "Eve Adams <eve.adams@example.com>",
              "Automatic reply: [Ticket #4751] Order confirmation",
              ["Thread-Topic: [Ticket #4751] Order confirmation", "Thread-Index: AQHcTNAutoReplyIndex==",
               "X-Auto-Response-Suppress: All", "X-MS-Has-Attach:", "X-MS-TNEF-Correlator:", "Content-Language: en-US"],
              "I am out of the office until 12 November. For urgent matters please contact my colleague.\n", "out-of-office")
    auto_case(52, "autoreply-german-abwesenheitsnotiz",
              "German Outlook out-of-office recognised by its subject prefix 'Abwesenheitsnotiz:' only (no auto-reply headers)",
              "Fritz Lang <fritz.lang@example.net>",
              "Abwesenheitsnotiz: [Ticket #4752] Ihre Bestellung",
              ["Thread-Topic: [Ticket #4752] Ihre Bestellung", "Content-Language: de-DE"],
              "Vielen Dank f\u00fcr Ihre Nachricht. Ich bin bis zum 14.11. nicht im B\u00fcro.\n", "out-of-office")
    auto_case(55, "not-autoreply-auto-submitted-no",
              "Ordinary customer reply that carries 'Auto-Submitted: no' (set by some clients / MTAs); must NOT be treated as an auto-reply",
              "Gina Torres <gina.torres@example.org>",
              "Re: [Ticket #4755] Missing screws",
              ["Auto-Submitted: no", "User-Agent: Roundcube Webmail/1.6.9"],
              "Thanks, the screws arrived today. Everything is assembled now.\n", None, auto=False,
              exp_extra={"visibleTextContains": ["the screws arrived today"], "attachments": []})
    auto_case(54, "autoreply-empty-return-path",
              "Auto-acknowledgement whose only signal is the empty envelope sender 'Return-Path: <>' (null reverse-path)",
              "Helpdesk Example Org <helpdesk@example.org>",
              "We received your message",
              [],
              "This is a confirmation that we received your message.\n", "empty-return-path", return_path="<>")


# ---- 53 MAILER-DAEMON plain bounce (qmail), no multipart/report
def c_mailer_daemon():
    n = 53
    h = headers(
        "Received: from mx.example.net (mx.example.net [198.51.100.53])\n by inbound-smtp.eu-west-1.amazonaws.com with SMTP id mdqmail0053\n"
        " for support@help.example.com;\n Mon, 03 Nov 2025 10:53:17 +0000 (UTC)",
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        "Date: 3 Nov 2025 10:53:16 -0000",
        "From: MAILER-DAEMON@mx.example.net",
        "To: support@help.example.com",
        "Subject: failure notice",
        "Message-ID: <20251103105316.12345.qmail@mx.example.net>",
    )
    body = """Hi. This is the qmail-send program at mx.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<olduser@example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <support@help.example.com>
Received: (qmail 12343 invoked from network); 3 Nov 2025 10:53:15 -0000
From: Shop Support <support@help.example.com>
To: olduser@example.net
Subject: [Ticket #4753] Your order
Message-ID: <0100019a4a0035-qmail-bounce-test@eu-west-1.amazonses.com>

Hello, your order has shipped.
"""
    case("autoreply-mailer-daemon-plain", message(h, body), {
        "description": "qmail plain-text bounce ('failure notice') from MAILER-DAEMON@...; not multipart/report and no Return-Path header, so the sender address is the signal",
        "from": {"email": "MAILER-DAEMON@mx.example.net", "name": None},
        "subject": "failure notice",
        "messageId": "<20251103105316.12345.qmail@mx.example.net>",
        "autoReply": True,
        "autoReplyReason": "mailer-daemon",
    })


# ====================================================================== bounces

def c_dsn_postfix():
    n = 56
    bnd = "4dKx2Lm0QzZz1ab.1762164301/mx1.example.org"
    orig_id = "<0100018c-original-reply@email.amazonses.com>"
    original = crlf(headers(
        "Return-Path: <0100018c-original-reply@eu-west-1.amazonses.com>",
        "Received: from a7-12.smtp-out.eu-west-1.amazonses.com (a7-12.smtp-out.eu-west-1.amazonses.com [203.0.113.12])\n"
        "\tby mx1.example.org (Postfix) with ESMTPS id 4dKx2Lm0QzZz1ab\n\tfor <nobody@example.org>; Mon,  3 Nov 2025 10:05:00 +0000 (UTC)",
        "From: Shop Support <support@help.example.com>",
        "To: nobody@example.org",
        "Subject: [Ticket #4756] We have received your request",
        "Date: Mon, 3 Nov 2025 10:04:59 +0000",
        "Message-ID: " + orig_id,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 7bit",
    ) + b"\n\nHello,\n\nwe have received your request and will get back to you shortly.\n\nShop Support\n")
    body = multipart(bnd, [
        part("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii", """This is the mail system at host mx1.example.org.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<nobody@example.org>: host mailstore.example.org[198.51.100.25] said: 550 5.1.1
    user unknown (in reply to RCPT TO command)
"""),
        part("Content-Description: Delivery report\nContent-Type: message/delivery-status", """Reporting-MTA: dns; mx1.example.org
X-Postfix-Queue-ID: 4dKx2Lm0QzZz1ab
X-Postfix-Sender: rfc822; 0100018c-original-reply@eu-west-1.amazonses.com
Arrival-Date: Mon,  3 Nov 2025 10:05:00 +0000 (UTC)

Final-Recipient: rfc822; nobody@example.org
Original-Recipient: rfc822;nobody@example.org
Action: failed
Status: 5.1.1
Remote-MTA: dns; mailstore.example.org
Diagnostic-Code: smtp; 550 5.1.1 user unknown
"""),
        part("Content-Description: Undelivered Message\nContent-Type: message/rfc822", original),
    ], preamble="This is a MIME-encapsulated message.\n")
    h = headers(
        "Return-Path: <>",
        "Received: from mx1.example.org (mx1.example.org [198.51.100.24])\n by inbound-smtp.eu-west-1.amazonaws.com with SMTP id dsnpostfix0056\n"
        " for support@help.example.com;\n Mon, 03 Nov 2025 10:05:02 +0000 (UTC)",
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        "Date: Mon,  3 Nov 2025 10:05:01 +0000 (UTC)",
        "From: MAILER-DAEMON@mx1.example.org (Mail Delivery System)",
        "Subject: Undelivered Mail Returned to Sender",
        "To: support@help.example.com",
        "Auto-Submitted: auto-replied",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; report-type=delivery-status;\n\tboundary=\"%s\"" % bnd,
        "Content-Transfer-Encoding: 8bit",
        "Message-Id: <20251103100501.5E6F7A8B90@mx1.example.org>",
    )
    case("bounce-dsn-postfix", message(h, body), {
        "description": "Postfix DSN: multipart/report; report-type=delivery-status with text/plain notification, message/delivery-status (Final-Recipient/Action/Status/Diagnostic-Code) and the returned message as message/rfc822. Also carries Return-Path: <>, From MAILER-DAEMON and Auto-Submitted: auto-replied; the most specific reason (delivery-report) is expected. From uses the old '(comment)' display-name form.",
        "from": {"email": "MAILER-DAEMON@mx1.example.org"},
        "subject": "Undelivered Mail Returned to Sender",
        "messageId": "<20251103100501.5E6F7A8B90@mx1.example.org>",
        "autoReply": True,
        "autoReplyReason": "delivery-report",
        "bounce": {"recipient": "nobody@example.org", "status": "5.1.1", "diagnostic": "550 5.1.1 user unknown",
                   "originalMessageId": orig_id},
    })


def c_ses_bounce():
    n = 57
    bnd = "----=_Part_5576543_1122334455.1762164400000"
    orig_id = "<0100019a4a5e6f70-8a9b0c1d-2e3f-4a5b-6c7d-8e9f0a1b2c3d-000000@eu-west-1.amazonses.com>"
    diag = "550 5.1.1 <ghost@example.net>: Recipient address rejected: User unknown in virtual mailbox table"
    body = multipart(bnd, [
        part("Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 7bit",
             "An error occurred while trying to deliver the mail to the following recipients:\nghost@example.net"),
        part("Content-Type: message/delivery-status\nContent-Transfer-Encoding: 7bit", """Reporting-MTA: dns; a4-17.smtp-out.eu-west-1.amazonses.com

Action: failed
Final-Recipient: rfc822; ghost@example.net
Diagnostic-Code: smtp; %s
Status: 5.1.1

""" % diag),
        part("Content-Type: text/rfc822-headers\nContent-Transfer-Encoding: 7bit", """Date: Mon, 3 Nov 2025 10:06:38 +0000
From: Shop Support <support@help.example.com>
To: ghost@example.net
Message-ID: %s
Subject: [Ticket #4757] Your return label
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="----=_Part_998877_665544.1762164398000"
Feedback-ID: ::1.eu-west-1.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789ABC=:AmazonSES
X-SES-Outgoing: 2025.11.03-203.0.113.17
""" % orig_id),
    ])
    h = headers(
        "Return-Path: <>",
        "Received: from a4-17.smtp-out.eu-west-1.amazonses.com (a4-17.smtp-out.eu-west-1.amazonses.com [203.0.113.17])\n"
        " by inbound-smtp.eu-west-1.amazonaws.com with SMTP id sesbounce0057\n for support@help.example.com;\n Mon, 03 Nov 2025 10:06:41 +0000 (UTC)",
        "X-SES-Spam-Verdict: PASS",
        "X-SES-Virus-Verdict: PASS",
        "From: MAILER-DAEMON@eu-west-1.amazonses.com",
        "To: support@help.example.com",
        "Subject: Delivery Status Notification (Failure)",
        "Message-ID: <0102019a4a5e7a11-b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e-000000@eu-west-1.amazonses.com>",
        "Date: Mon, 3 Nov 2025 10:06:40 +0000",
        "MIME-Version: 1.0",
        "Content-Type: multipart/report; \n\tboundary=\"%s\"; \n\treport-type=delivery-status" % bnd,
        "X-SES-Outgoing: 2025.11.03-203.0.113.17",
        "Feedback-ID: ::1.eu-west-1.ZmFrZWZlZWRiYWNraWQwMDU3:AmazonSES",
    )
    case("bounce-amazon-ses", message(h, body), {
        "description": "Amazon SES bounce as delivered to the sender: multipart/report (boundary before report-type), short text part, message/delivery-status with the per-recipient group, original headers as text/rfc822-headers; Return-Path <> and From MAILER-DAEMON@...amazonses.com (delivery-report is the expected reason)",
        "from": {"email": "MAILER-DAEMON@eu-west-1.amazonses.com", "name": None},
        "subject": "Delivery Status Notification (Failure)",
        "messageId": "<0102019a4a5e7a11-b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e-000000@eu-west-1.amazonses.com>",
        "autoReply": True,
        "autoReplyReason": "delivery-report",
        "bounce": {"recipient": "ghost@example.net", "status": "5.1.1", "diagnostic": diag, "originalMessageId": orig_id},
    })


# ====================================================================== main

ORDER = [
    c_gmail_reply, c_outlook_html_reply, c_outlook_original_message, c_apple_mail_reply, c_iphone_reply,
    c_german_gmail, c_french_gmail, c_spanish_gmail, c_outlook_german, c_outlook_dutch, c_thunderbird_signature,
    c_yahoo_reply, c_gmail_wrapped_attribution, c_sent_from_galaxy, c_von_meinem_iphone, c_envoye_de_mon_iphone,
    c_iso_8859_1, c_windows_1252, c_windows_1251, c_iso_2022_jp, c_shift_jis, c_gb2312, c_utf8_emoji,
    c_rfc2047_adjacent, c_rfc2047_split_multibyte, c_rfc2047_missing_end, c_rfc2047_unknown_charset, c_rfc2047_bad_b64,
    c_rfc2231_simple, c_rfc2231_continuation, c_outlook_rfc2047_name,
    c_attachments_basic, c_related_inline_png, c_nested_multipart, c_forward_rfc822, c_html_only_rich,
    c_missing_close_boundary, c_boundary_never_appears, c_bad_base64, c_8bit_no_charset, c_no_content_type,
    c_no_subject_no_msgid, c_bad_folding,
    c_autoreplies, c_mailer_daemon, c_dsn_postfix, c_ses_bounce,
]


def main():
    for f in ORDER:
        f()
    for old in os.listdir(OUT):
        if re.match(r"^\d\d-.*\.(eml|json)$", old):
            os.remove(os.path.join(OUT, old))
    for i, (name, eml, exp) in enumerate(CASES, 1):
        assert b"\r\n" in eml and b"\n" not in eml.replace(b"\r\n", b""), name
        assert b"\r" not in eml.replace(b"\r\n", b""), name
        exp = {k: v for k, v in exp.items() if not (k == "subject" and v is None and "subjectContains" in exp)}
        base = "%02d-%s" % (i, name)
        with open(os.path.join(OUT, base + ".eml"), "wb") as fh:
            fh.write(eml)
        with open(os.path.join(OUT, base + ".json"), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(json.dumps(exp, ensure_ascii=False, indent=2) + "\n")
    print("wrote %d cases to %s" % (len(CASES), OUT))


if __name__ == "__main__":
    main()
