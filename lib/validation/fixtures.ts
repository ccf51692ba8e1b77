/**
 * One valid report per category, for tests. Each test breaks one rule at a time from
 * these, so a failure points at exactly one rule.
 */
const hourAgo = () => new Date(Date.now() - 60 * 60 * 1000).toISOString();

export function validHarmfulInfo() {
  return {
    category: "harmful-info",
    subtype: "gambling",
    description: "This site runs an unlicensed online casino and advertises it in group chats.",
    urls: ["https://casino.example.com/play?utm_source=chat"],
    platform: "website",
    contentType: "link",
    firstSeenAt: hourAgo(),
    goodFaith: true,
    locale: "en",
  } as Record<string, unknown>;
}

export function validCrime() {
  return {
    category: "crime",
    subtype: "investment-crypto",
    description: "A man I met online talked me into an investment app that would not let me withdraw.",
    filingFor: "self",
    incidentStart: new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString(),
    location: { country: "CN", region: "Guangdong", city: "Shenzhen" },
    moneyLost: true,
    amountLost: { value: "15000.00", currency: "CNY" },
    transactions: [
      { date: "2026-11-01", amount: "5000", currency: "CNY", method: "bank-transfer", recipientAccount: "6222 0000 1111 2222" },
      { date: "2026-11-03", amount: "10000", currency: "cny", method: "e-wallet", recipientName: "Li" },
    ],
    contactMethod: "social",
    suspects: [
      { kind: "phone", value: "138 0013 8000" },
      { kind: "url", value: "https://invest.example.net/app#download" },
    ],
    ongoingDanger: false,
    goodFaith: true,
  } as Record<string, unknown>;
}

export function validSpam() {
  return {
    category: "spam",
    channel: "sms",
    subtype: "fraud-phishing",
    description: "A text claiming to be a courier asks me to pay a customs fee through a link.",
    sender: "+86 139 0000 1111",
    recipient: "13800138000",
    receivedAt: hourAgo(),
    content: "Your parcel is held. Pay the fee at http://parcel-fee.example.org/pay or call 400-123-4567.",
    goodFaith: true,
  } as Record<string, unknown>;
}

export function validCopyright() {
  return {
    category: "copyright",
    description: "Full episodes of our series are streamed without a licence on this site.",
    contact: { name: "Wang Fang", email: "legal@studio.example.com" },
    submitterRole: "rightholder",
    rightholder: {
      name: "Example Studio Ltd.",
      address: "1 Example Road, Beijing",
      phone: "+86 10 6552 9988",
      email: "legal@studio.example.com",
    },
    work: { title: "The Long River", type: "film-tv", originalUrl: "https://studio.example.com/long-river" },
    ownershipProof: "Registration no. 2024-F-00012345, first broadcast 2024-03-01.",
    infringingUrls: ["https://pirate.example.com/watch/long-river-01"],
    infringementType: "stream",
    requestedAction: "remove",
    accuracyStatement: true,
    signature: "Wang Fang",
    goodFaith: true,
  } as Record<string, unknown>;
}

export const validReports = {
  "harmful-info": validHarmfulInfo,
  crime: validCrime,
  spam: validSpam,
  copyright: validCopyright,
} as const;

/** A minimal email with a sender, a date, a link and a phone number. */
export const SAMPLE_EML = [
  "From: \"Bank Security\" <alerts@secure-bank.example.com>",
  "Reply-To: verify@phish.example.net",
  "To: you@example.org",
  "Subject: Your account is locked",
  "Date: Tue, 24 Nov 2026 09:15:00 +0800",
  "Message-ID: <abc123@secure-bank.example.com>",
  "MIME-Version: 1.0",
  "Content-Type: text/plain; charset=utf-8",
  "",
  "Dear customer, confirm your details at https://secure-bank.example.com.login.example.net/verify?id=9&utm_campaign=x",
  "or call +1 202-555-0143 today.",
  "",
].join("\r\n");
