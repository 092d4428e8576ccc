// The currency a payment request starts with: the one the organisation used last, else the delivery country's,
// else the partner location's (issue #14 item 10). Only the common SAVB markets are listed; others start in USD.

const EURO =
  'AD AT AX BE BG BL CY DE EE ES FI FR GF GP GR HR IE IT LT LU LV MC ME MF MQ MT NL PM PT RE SI SK SM VA YT';

const BY_CURRENCY: Record<string, string> = {
  EUR: EURO,
  USD: 'US PR EC SV PA GU VI AS MP UM TL FM MH PW BQ TC VG',
  BRL: 'BR',
  ARS: 'AR',
  MXN: 'MX',
  CLP: 'CL',
  COP: 'CO',
  PEN: 'PE',
  UYU: 'UY',
  PYG: 'PY',
  BOB: 'BO',
  CRC: 'CR',
  GTQ: 'GT',
  HNL: 'HN',
  NIO: 'NI',
  DOP: 'DO',
  VES: 'VE',
  CAD: 'CA',
  GBP: 'GB GG IM JE',
  CHF: 'CH LI',
  NOK: 'NO SJ',
  SEK: 'SE',
  DKK: 'DK FO GL',
  PLN: 'PL',
  CZK: 'CZ',
  HUF: 'HU',
  RON: 'RO',
  RSD: 'RS',
  ISK: 'IS',
  TRY: 'TR',
  UAH: 'UA',
  ILS: 'IL',
  AED: 'AE',
  SAR: 'SA',
  QAR: 'QA',
  KWD: 'KW',
  EGP: 'EG',
  MAD: 'MA',
  NGN: 'NG',
  KES: 'KE',
  ZAR: 'ZA',
  INR: 'IN',
  PKR: 'PK',
  BDT: 'BD',
  LKR: 'LK',
  CNY: 'CN',
  HKD: 'HK',
  TWD: 'TW',
  JPY: 'JP',
  KRW: 'KR',
  SGD: 'SG',
  MYR: 'MY',
  THB: 'TH',
  IDR: 'ID',
  PHP: 'PH',
  VND: 'VN',
  AUD: 'AU CX CC NF NR KI TV',
  NZD: 'NZ CK NU PN TK',
};

const BY_COUNTRY: ReadonlyMap<string, string> = new Map(
  Object.entries(BY_CURRENCY).flatMap(([currency, countries]) =>
    countries.split(' ').map((country) => [country, currency] as const),
  ),
);

/** The currency of an ISO 3166-1 alpha-2 country, when it is one of the listed markets. */
export function currencyFor(country: string | undefined): string | undefined {
  return country ? BY_COUNTRY.get(country.toUpperCase()) : undefined;
}

/** The payment request's starting currency: the organisation's last for that delivery country, else the
 *  delivery country's, else the partner location's, else USD. */
export function defaultCurrency(choices: {
  remembered?: string | undefined;
  deliveryCountry?: string | undefined;
  locationCountry?: string | undefined;
}): string {
  return (
    choices.remembered ??
    currencyFor(choices.deliveryCountry) ??
    currencyFor(choices.locationCountry) ??
    'USD'
  );
}
