'use client';
import { usePathname } from 'next/navigation';
import { type ReactNode, useEffect, useId, useState } from 'react';

/**
 * The header's links: in a row from 768 px up; below, behind a Menu button (the links would run
 * off a phone's screen). Closes when the page changes.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: closing on every navigation is the point.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <button
        type="button"
        className="order-last rounded border border-slate-300 px-2 py-1 text-sm md:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        data-testid="header-menu-button"
      >
        {open ? 'Close menu' : 'Menu'}
      </button>
      <nav
        id={id}
        aria-label="Main"
        className={`${open ? 'flex' : 'hidden'} order-last w-full flex-col gap-3 border-t border-slate-100 pt-3 text-sm text-slate-600 md:order-none md:flex md:w-auto md:flex-row md:gap-4 md:border-0 md:pt-0`}
      >
        {children}
      </nav>
    </>
  );
}
