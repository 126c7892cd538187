-- Aircraft deals by manufacturer and customer.
SELECT manufacturer, customer, deal, model, aircraft, statuses
FROM aircraft_deals_by_manufacturer_customer
ORDER BY manufacturer, customer, deal;
