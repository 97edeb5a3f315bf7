import type { LineItem, Order, Rng } from '@/lib/providers/simulate';

// Made-up Indian D2C stores, customers and carts: the cash-on-delivery confirmation calls
// these voice agents are mostly used for. Brands and people are fictional.

const FIRST_NAMES = [
  'Aarav',
  'Priya',
  'Rahul',
  'Sneha',
  'Vikram',
  'Ananya',
  'Rohit',
  'Kavya',
  'Arjun',
  'Meera',
  'Sandeep',
  'Pooja',
  'Karthik',
  'Divya',
  'Imran',
  'Fatima',
  'Gurpreet',
  'Suresh',
  'Lakshmi',
  'Nikhil',
] as const;
const LAST_NAMES = [
  'Sharma',
  'Patel',
  'Iyer',
  'Reddy',
  'Nair',
  'Khan',
  'Singh',
  'Gupta',
  'Das',
  'Menon',
  'Joshi',
  'Kulkarni',
  'Banerjee',
  'Verma',
  'Yadav',
] as const;

/** City, state, first four digits of its PIN codes. */
const CITIES = [
  ['Mumbai', 'Maharashtra', '4000'],
  ['Pune', 'Maharashtra', '4110'],
  ['Bengaluru', 'Karnataka', '5600'],
  ['Chennai', 'Tamil Nadu', '6000'],
  ['Hyderabad', 'Telangana', '5000'],
  ['Kolkata', 'West Bengal', '7000'],
  ['New Delhi', 'Delhi', '1100'],
  ['Jaipur', 'Rajasthan', '3020'],
  ['Ahmedabad', 'Gujarat', '3800'],
  ['Surat', 'Gujarat', '3950'],
  ['Lucknow', 'Uttar Pradesh', '2260'],
  ['Kochi', 'Kerala', '6820'],
  ['Indore', 'Madhya Pradesh', '4520'],
  ['Patna', 'Bihar', '8000'],
  ['Coimbatore', 'Tamil Nadu', '6410'],
] as const;
const STREETS = ['MG Road', 'Station Road', 'Link Road', 'Nehru Nagar', 'Gandhi Chowk', 'Sector 14', 'Civil Lines', 'Park Street'] as const;
const BUILDINGS = ['Shanti Apartments', 'Sai Residency', 'Green Park Society', 'Lotus Towers', 'Krishna Complex', 'Sunrise Enclave'] as const;
const LANDMARKS = ['Near City Hospital', 'Opp. SBI Bank', 'Behind Ram Mandir', 'Near Metro Station', 'Next to Big Bazaar'] as const;

interface Product {
  title: string;
  price: number;
}
interface Store {
  name: string;
  domain: string;
  products: readonly Product[];
}

const STORES: readonly Store[] = [
  {
    name: 'Kesar Naturals',
    domain: 'kesarnaturals.in',
    products: [
      { title: 'Kumkumadi Face Oil 30ml', price: 1299 },
      { title: 'Ubtan Face Wash 100ml', price: 349 },
      { title: 'Onion Hair Oil 200ml', price: 449 },
      { title: 'Saffron Night Cream 50g', price: 899 },
    ],
  },
  {
    name: 'Indigo Loom',
    domain: 'indigoloom.in',
    products: [
      { title: 'Cotton Kurta Set - Indigo / M', price: 1599 },
      { title: 'Block Print Dupatta', price: 699 },
      { title: 'Chikankari Kurti - White / L', price: 1899 },
    ],
  },
  {
    name: 'Assam Leaf Co.',
    domain: 'assamleaf.co.in',
    products: [
      { title: 'Masala Chai 250g', price: 349 },
      { title: 'Kadak Assam CTC 500g', price: 399 },
      { title: 'Kashmiri Kahwa 100g', price: 449 },
      { title: 'Brass Tea Strainer', price: 249 },
    ],
  },
  {
    name: 'Bolt Wearables',
    domain: 'boltwearables.in',
    products: [
      { title: 'Wireless Earbuds Pro', price: 1999 },
      { title: 'Smartwatch Fit 2', price: 2999 },
      { title: 'Fast Charger 33W', price: 799 },
    ],
  },
];

const DISCOUNTS = [
  { code: 'SAVE10', reason: 'abandoned cart recovery', percent: 10 },
  { code: 'WELCOME15', reason: 'first order', percent: 15 },
  { code: 'PREPAID5', reason: 'retention offer', percent: 5 },
] as const;

export type { LineItem, Order } from '@/lib/providers/simulate';

/** Fisher–Yates, so the order depends only on the seed. */
function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** An Indian mobile number in E.164: +91 and ten digits starting 6–9. */
export function indianMobile(rng: Rng): string {
  return `+91${rng.int(6, 9)}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
}

export function makeOrder(rng: Rng): Order {
  const store = rng.pick(STORES);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const [city, province, pin] = rng.pick(CITIES);
  const items: LineItem[] = [];
  for (const product of shuffled(rng, store.products).slice(0, rng.int(1, 3))) {
    items.push({
      title: product.title,
      variantId: String(rng.int(40_000_000_000_000, 49_999_999_999_999)),
      quantity: rng.chance(0.8) ? 1 : 2,
      price: product.price,
    });
  }
  const subtotal = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  const discountDef = rng.chance(0.3) ? rng.pick(DISCOUNTS) : null;
  const codCharge = rng.pick([0, 40, 49, 50, 99]);
  const off = discountDef ? Math.round((subtotal * discountDef.percent) / 100) : 0;
  return {
    orderId: String(rng.int(1000, 99_999)),
    store: store.name,
    customer: {
      firstName,
      lastName,
      phone: indianMobile(rng),
      email: `${firstName}.${lastName}${rng.int(1, 99)}@${rng.pick(['gmail.com', 'yahoo.co.in', 'outlook.com'])}`.toLowerCase(),
    },
    address: {
      address1: `${rng.int(1, 402)}, ${rng.pick(BUILDINGS)}, ${rng.pick(STREETS)}`,
      address2: rng.pick(LANDMARKS),
      city,
      province,
      zip: `${pin}${String(rng.int(1, 99)).padStart(2, '0')}`,
      country: 'India',
    },
    items,
    subtotal,
    codCharge,
    discount: discountDef ? { code: discountDef.code, reason: discountDef.reason } : null,
    total: subtotal - off + codCharge,
    abandonedCheckoutId: `gid://shopify/AbandonedCheckout/${rng.int(10_000_000_000_000, 99_999_999_999_999)}`,
  };
}
